import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '#libs/config/src/index.js';
import { HealthController } from './health/health.controller.js';
import { HealthService } from './health/health.service.js';
import { gatewayProviders } from './redis/gateway-redis.js';
import { ScanEventsService } from './scans/scan-events.service.js';
import { ScansController } from './scans/scans.controller.js';
import { ScansService } from './scans/scans.service.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      controllers: [ScansController, HealthController],
      providers: [...gatewayProviders(config), ScansService, ScanEventsService, HealthService],
    };
  }
}
