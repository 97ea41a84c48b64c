import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { AppConfig } from '#libs/config/src/index.js';
import { ApiKeyGuard, API_KEYS } from './auth/api-key.guard.js';
import { loadApiKeyFile } from './auth/api-key-file.js';
import { ScanBeamlines } from './auth/scan-beamlines.js';
import { DefinitionsController } from './definitions/definitions.controller.js';
import { DefinitionsService } from './definitions/definitions.service.js';
import { HealthController } from './health/health.controller.js';
import { HealthService } from './health/health.service.js';
import { PrometheusModule } from '@willsoto/nestjs-prometheus';
import { GatewayCoreModule } from './gateway-core.module.js';
import { MetricsController } from './metrics/metrics.controller.js';
import { ScanAdminService } from './scans/scan-admin.service.js';
import { ScanEventsService } from './scans/scan-events.service.js';
import { ScansController } from './scans/scans.controller.js';
import { ScansService } from './scans/scans.service.js';
import { WireFormService } from './scans/wire-form.service.js';
import { ScanReportService } from './scans/scan-report.service.js';
import { SchemasController } from './schemas/schemas.controller.js';
import { SchemasService } from './schemas/schemas.service.js';
import { ValidateController } from './validate/validate.controller.js';
import { ValidateService } from './validate/validate.service.js';
import { WebhooksController } from './webhooks/webhooks.controller.js';
import { ArraysController } from './arrays/arrays.controller.js';
import { ArraysService } from './arrays/arrays.service.js';
import { WebhooksService } from './webhooks/webhooks.service.js';

/** Every controller but /metrics (mounted by PrometheusModule); the route access table is read from these and it. */
export const GATEWAY_CONTROLLERS = [
  ScansController,
  SchemasController,
  DefinitionsController,
  ValidateController,
  HealthController,
  WebhooksController,
  ArraysController,
];

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        GatewayCoreModule.forRoot(config),
        PrometheusModule.registerAsync({
          controller: MetricsController,
          useFactory: () => ({
            controller: MetricsController,
            path: '/metrics',
            // Collected once per process by bootstrap: a second app in one process (tests) must not register them again.
            defaultMetrics: { enabled: false },
          }),
        }),
      ],
      controllers: GATEWAY_CONTROLLERS,
      providers: [
        {
          provide: API_KEYS,
          useValue:
            config.apiKeysFile === undefined ? undefined : loadApiKeyFile(config.apiKeysFile),
        },
        ScanBeamlines,
        ApiKeyGuard,
        { provide: APP_GUARD, useExisting: ApiKeyGuard },
        ScansService,
        ScanEventsService,
        WireFormService,
        ScanReportService,
        ScanAdminService,
        SchemasService,
        DefinitionsService,
        ValidateService,
        HealthService,
        WebhooksService,
        ArraysService,
      ],
    };
  }
}
