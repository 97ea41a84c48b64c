import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';

export class SchemaQuery {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    example: 1,
    description: 'A version of the schema; absent: the current one.',
  })
  @IsOptional()
  @Matches(/^[1-9]\d{0,8}$/, { message: 'version must be a whole number from 1' })
  version?: string;

  @ApiPropertyOptional({
    enum: ['json', 'csv'],
    description:
      'csv: the rows as Assonant’s metadata.csv; json (default): the rows, the version and every ' +
      'version. `Accept: text/csv` asks for csv too.',
  })
  @IsOptional()
  @IsIn(['json', 'csv'], { message: 'format must be json or csv' })
  format?: 'json' | 'csv';
}
