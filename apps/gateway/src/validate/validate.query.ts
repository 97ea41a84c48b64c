import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

export class ValidateQuery {
  @ApiPropertyOptional({
    description: 'Check every entry against this application definition.',
    example: 'NXtomo',
  })
  @IsOptional()
  @Matches(/^NX[a-z][a-z0-9_]{0,62}$/)
  definition?: string;
}
