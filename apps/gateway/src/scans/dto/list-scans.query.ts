import { SCAN_STATUSES, type ScanStatus } from '#libs/model/src/scan/index.js';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import {
  SAFE_NAME_PATTERN,
  TECHNIQUE_LIST,
  TECHNIQUE_RULE,
  TECHNIQUES,
} from '#libs/model/src/index.js';
import { IsCatalogCursor } from './is-catalog-cursor.js';
import { IsCatalogTime } from './is-catalog-time.js';

export class ListScansQuery {
  @ApiPropertyOptional({ example: 'MOGNO' })
  @IsOptional()
  @Matches(SAFE_NAME_PATTERN)
  beamline?: string;

  @ApiPropertyOptional({ example: '20240123' })
  @IsOptional()
  @Matches(SAFE_NAME_PATTERN)
  proposal?: string;

  @ApiPropertyOptional({ enum: TECHNIQUES, description: TECHNIQUE_LIST })
  @IsOptional()
  @IsIn(TECHNIQUES, { message: TECHNIQUE_RULE })
  technique?: string;

  @ApiPropertyOptional({ enum: SCAN_STATUSES })
  @IsOptional()
  @IsIn(SCAN_STATUSES)
  status?: ScanStatus;

  @ApiPropertyOptional({ description: 'Scans created at or after (ISO 8601).' })
  @IsOptional()
  @IsCatalogTime()
  from?: string;

  @ApiPropertyOptional({ description: 'Scans created before (ISO 8601).' })
  @IsOptional()
  @IsCatalogTime()
  to?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 500,
    default: 50,
    description: 'Page size: a whole number from 1 to 500.',
  })
  @IsOptional()
  @Matches(/^(?:[1-9]\d?|[1-4]\d\d|500)$/, {
    message: 'limit must be a whole number from 1 to 500',
  })
  limit?: string;

  @ApiPropertyOptional({
    description:
      'The nextCursor of the previous page, unchanged (opaque). Paging is stable: a scan ' +
      'opened meanwhile is never listed twice, and none is skipped.',
  })
  @IsOptional()
  @IsCatalogCursor()
  cursor?: string;
}
