/** Response and request schemas of the beamline schema routes, for Swagger. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  SCHEMA_COLUMNS,
  type SchemaFormat,
  type SchemaRowCells,
  type SchemaVersion,
} from '#libs/beamline-schema/src/index.js';

export class SchemaVersionResponse implements SchemaVersion {
  @ApiProperty({ example: 'MOGNO' }) beamline!: string;
  @ApiProperty({ example: 1, description: '1 for the first upload, one more for each.' })
  version!: number;
  @ApiProperty({ description: 'Hex SHA-256 of the rows’ cells: the same for CSV and JSON.' })
  sha256!: string;
  @ApiProperty({ description: 'When it was uploaded, ISO 8601.' }) createdAt!: string;
  @ApiProperty({ description: 'The id of the key that uploaded it, or anonymous.', example: 'ops' })
  createdBy!: string;
  @ApiProperty({ enum: ['csv', 'json'] }) format!: SchemaFormat;
  @ApiProperty({ description: 'How many rows it has.', example: 36 }) rows!: number;
  @ApiPropertyOptional({ description: 'The CSV’s first line.' }) title?: string;
}

/** One row: the CSV's columns as keys, every cell a string (empty for none). */
export class SchemaRowBody implements SchemaRowCells {
  @ApiProperty({ example: 'monochromator' }) Name!: string;
  @ApiProperty({ example: '' }) 'Subcomponent of'!: string;
  @ApiProperty({ example: 'Monochromator' }) Class!: string;
  @ApiProperty({ example: 'energy' }) 'Field Name'!: string;
  @ApiProperty({ example: 'keV' }) 'Unit of Measurement'!: string;
  @ApiProperty({ example: 'float' }) 'Data Type'!: string;
  @ApiProperty({ example: 'Snapshoted at Exp. Start/end' }) 'Acquisition Type'!: string;
  @ApiProperty({ example: 'MGN:A:DCM:Energy_RBV' }) 'PV Name'!: string;
  @ApiProperty({ example: '' }) 'NeXus Class'!: string;
  @ApiProperty({ example: '' }) 'NeXus Field Name'!: string;
  @ApiProperty({
    example: '',
    description: 'translation or rotation for a position; empty for a field.',
  })
  'Transformation Type'!: string;
}

export class SchemaResponse {
  @ApiProperty({ type: SchemaVersionResponse, description: 'The version these rows are.' })
  version!: SchemaVersionResponse;
  @ApiProperty({ type: [SchemaRowBody] }) rows!: SchemaRowBody[];
  @ApiProperty({ type: [SchemaVersionResponse], description: 'Every version, oldest first.' })
  versions!: SchemaVersionResponse[];
}

/** The columns, in order, for the documentation of the CSV body. */
export const SCHEMA_COLUMN_LIST = SCHEMA_COLUMNS.join(', ');
