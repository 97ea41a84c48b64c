/** Response schema of /health; the values come from HealthService. */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { HealthReport } from './health.service.js';

const CHECK_STATUSES = ['up', 'down'] as const;

class RedisCheck {
  @ApiProperty({ enum: CHECK_STATUSES, example: 'up' })
  status!: 'up' | 'down';

  @ApiPropertyOptional({
    description: 'What failed, with its error code, when down.',
    example: 'Redis does not answer (ECONNREFUSED)',
  })
  error?: string;
}

class DataRootCheck {
  @ApiProperty({ enum: CHECK_STATUSES, example: 'up' })
  status!: 'up' | 'down';

  @ApiPropertyOptional({ description: 'Free bytes on the file system of DATA_ROOT.' })
  freeBytes?: number;

  @ApiPropertyOptional({
    description: 'What failed, with its error code, when down.',
    example: 'DATA_ROOT is not writable (EACCES)',
  })
  error?: string;
}

class HealthChecks {
  @ApiProperty({ type: RedisCheck })
  redis!: RedisCheck;

  @ApiProperty({ type: DataRootCheck, description: 'DATA_ROOT exists and is writable.' })
  dataRoot!: DataRootCheck;
}

export class HealthReportResponse implements HealthReport {
  @ApiProperty({ enum: ['ok', 'unavailable'], example: 'ok' })
  status!: 'ok' | 'unavailable';

  @ApiProperty({ type: HealthChecks })
  checks!: HealthChecks;
}
