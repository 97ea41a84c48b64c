/** Swagger schemas of a validation report; the values come from libs/nxdl. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Finding, ValidationReport } from '#libs/nxdl/src/index.js';

export class FindingResponse implements Finding {
  @ApiProperty({ enum: ['error', 'warning'] }) severity!: Finding['severity'];
  @ApiProperty({ description: 'HDF5 path.', example: '/entry/sample/rotation_angle' })
  path!: string;
  @ApiProperty({ example: 'missing' }) code!: string;
  @ApiProperty() message!: string;
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'NXtomo:/NXentry/sample:NXsample/rotation_angle',
  })
  nxdl!: string | null;
  @ApiProperty({ enum: ['application', 'base_class', 'nexus_rule'], example: 'application' })
  origin!: Finding['origin'];
  @ApiPropertyOptional({
    description: 'What to send next time, in Assonant terms.',
    example: 'Sample.positions.rotation_angle',
  })
  hint?: string;
}

class EntryDefinition {
  @ApiProperty({ example: '/entry' }) entry!: string;
  @ApiProperty({ nullable: true, type: String, example: 'NXtomo' }) definition!: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'NXtomo' }) validatedAgainst!:
    string | null;
}

export class ValidationReportResponse implements ValidationReport {
  @ApiProperty({ type: [EntryDefinition] }) definitions!: EntryDefinition[];
  @ApiProperty() errors!: number;
  @ApiProperty() warnings!: number;
  @ApiProperty({ type: [FindingResponse], description: 'At most 1000; errors first.' })
  findings!: FindingResponse[];
  @ApiProperty({ description: 'Findings left out of `findings` to keep the report small.' })
  droppedFindings!: number;
}
