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
import { gatewayProviders } from './redis/gateway-redis.js';
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

/** Every controller; the route access table is read from these. */
export const GATEWAY_CONTROLLERS = [
  ScansController,
  SchemasController,
  DefinitionsController,
  ValidateController,
  HealthController,
];

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      controllers: GATEWAY_CONTROLLERS,
      providers: [
        ...gatewayProviders(config),
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
      ],
    };
  }
}
