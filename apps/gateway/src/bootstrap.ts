/**
 * Builds the gateway application. The same function serves `main.ts`, every
 * e2e test and the OpenAPI generator, so what is tested is what runs.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, RequestListener } from 'node:http';
import type { AppConfig } from '#libs/config/src/index.js';
import {
  collectProcessMetricsOnce,
  createLogger,
  REQUEST_ID_FIELD,
} from '#libs/observability/src/index.js';
import { register } from 'prom-client';
import { LogController } from 'fastify';
import { serveQueueDashboard } from './admin/queue-dashboard.js';
import { useArrayUploads } from './arrays/array-upload-body.js';
import { serveWebCatalog } from './http/web-catalog.js';
import { HttpMetrics } from './metrics/http-metrics.js';
import { MetricsController } from './metrics/metrics.controller.js';
import {
  CreateScanRequest,
  DeviceEventRequest,
  Entry,
  PvSnapshotRequest,
} from '#libs/model-classes/src/index.js';
import { AppModule, GATEWAY_CONTROLLERS } from './app.module.js';
import { API_KEYS, ApiKeyGuard } from './auth/api-key.guard.js';
import type { StoredApiKey } from './auth/api-keys.js';
import { authenticateOnRequest } from './auth/authenticate-on-request.js';
import { RouteAccess } from './auth/route-access.js';
import { serveEventRoutesDirectly } from './scans/direct-event-routes.js';
import { ListScansQuery } from './scans/dto/list-scans.query.js';
import { ScansController } from './scans/scans.controller.js';
import { WireFormService } from './scans/wire-form.service.js';
import { ValidateQuery } from './validate/validate.query.js';
import { CreateWebhookRequest } from './webhooks/dto/create-webhook.request.js';
import { boundedHttpServer } from './http/bounded-http-server.js';
import { useHdf5Uploads } from './http/hdf5-upload-parser.js';
import { UploadSpool } from './http/upload-spool.js';
import { useJsonBodiesOnly } from './http/json-body-parser.js';
import { useSchemaUploads } from './schemas/schema-body-parser.js';
import { buildOpenApiDocument } from './openapi/swagger-document.js';
import { ProblemFilter } from './problem/problem-filter.js';
import { ModelValidationPipe } from './validation/model-validation.pipe.js';

const CLIENT_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Reuses a well-formed X-Request-Id from the client so logs can be joined across systems. */
function requestId(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && CLIENT_REQUEST_ID.test(given) ? given : randomUUID();
}

export async function createGatewayApp(config: AppConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.bodyLimitBytes,
    serverFactory: (handler: RequestListener) => boundedHttpServer(handler, config),
    genReqId: requestId,
    logController: new LogController({ requestIdLogLabel: REQUEST_ID_FIELD }),
    ...(config.logLevel === 'silent'
      ? { logger: false }
      : { loggerInstance: createLogger({ service: 'gateway', level: config.logLevel }) }),
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    bodyParser: false,
    logger: config.logLevel === 'silent' ? false : ['error', 'warn'],
  });
  const fastify = app.getHttpAdapter().getInstance();
  collectProcessMetricsOnce(register);
  app.get(HttpMetrics).observe(fastify);
  const keys = app.get<ReadonlyMap<string, StoredApiKey> | undefined>(API_KEYS);
  if (keys !== undefined)
    authenticateOnRequest(
      fastify,
      keys,
      new RouteAccess([...GATEWAY_CONTROLLERS, MetricsController]),
    );
  useJsonBodiesOnly(fastify, config.bodyLimitBytes);
  const spool = new UploadSpool(config.spoolDir, config.uploadLimitBytes);
  fastify.addHook('onListen', async () => spool.clearLeftovers());
  useHdf5Uploads(fastify, spool, config.arrayLimitBytes);
  useArrayUploads(fastify, config.arrayLimitBytes);
  fastify.addHook('onSend', (request, reply, payload, done) => {
    void reply.header('x-request-id', String(request.id));
    done(null, payload);
  });
  useSchemaUploads(fastify, config.schemaLimitBytes);
  const dashboard = await serveQueueDashboard(fastify, config, keys !== undefined);
  await serveWebCatalog(fastify);
  fastify.addHook('onClose', async () => dashboard.close());
  app.useGlobalFilters(
    new ProblemFilter({
      bodyLimitBytes: config.bodyLimitBytes,
      schemaLimitBytes: config.schemaLimitBytes,
    }),
  );
  const validation = new ModelValidationPipe([
    CreateWebhookRequest,
    CreateScanRequest,
    DeviceEventRequest,
    Entry,
    PvSnapshotRequest,
    ListScansQuery,
    ValidateQuery,
  ]);
  app.useGlobalPipes(validation);
  serveEventRoutesDirectly(fastify, {
    guard: app.get(ApiKeyGuard),
    validation,
    wireForm: app.get(WireFormService),
    controller: app.get(ScansController),
  });
  app.enableShutdownHooks();
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'docs/json',
  });
  await app.init();
  return app;
}
