import { Controller, Get, Res } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/access.decorator.js';
import { HealthReportResponse } from './health-report.dto.js';
import { HealthService, type HealthReport } from './health.service.js';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @ApiOperation({ summary: 'Whether Redis answers and the data directory is writable' })
  @ApiOkResponse({
    type: HealthReportResponse,
    description: 'Redis answers and the data directory is writable.',
  })
  @ApiServiceUnavailableResponse({
    type: HealthReportResponse,
    description: 'Something the service needs is not there; the checks say what.',
    example: {
      status: 'unavailable',
      checks: {
        redis: { status: 'down', error: 'Redis does not answer (ECONNREFUSED)' },
        dataRoot: { status: 'up' },
      },
    },
  })
  async getHealth(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthReport> {
    const report = await this.health.check();
    void reply.status(report.status === 'ok' ? 200 : 503);
    return report;
  }
}
