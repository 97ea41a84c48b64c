/**
 * What every part of the gateway shares — the config, Redis, the staging
 * store, the write queue, the scan lifecycle and the metrics — in one global
 * module, so that the metrics controller (which @willsoto/nestjs-prometheus
 * mounts in a module of its own) sees the same instances as the routes.
 */
import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import type { AppConfig } from '#libs/config/src/index.js';
import { GATEWAY_METRIC_PROVIDERS } from './metrics/gateway-metric-providers.js';
import { HttpMetrics } from './metrics/http-metrics.js';
import { gatewayProviders } from './redis/gateway-redis.js';

@Module({})
export class GatewayCoreModule {
  static forRoot(config: AppConfig): DynamicModule {
    const providers: Provider[] = [
      ...gatewayProviders(config),
      ...GATEWAY_METRIC_PROVIDERS,
      HttpMetrics,
    ];
    return {
      module: GatewayCoreModule,
      global: true,
      providers,
      exports: providers.map((provider) =>
        typeof provider === 'function' ? provider : provider.provide,
      ),
    };
  }
}
