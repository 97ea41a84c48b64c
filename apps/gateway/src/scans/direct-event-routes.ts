/**
 * The two routes every event of a scan takes (entries, devices) are answered
 * without Nest's per-request pipeline, which costs about a tenth of the
 * gateway's time per event (`npm run bench:ingest`). The controller still
 * declares them: path, status, access rule, body class and documentation.
 * When Nest registers them, Fastify's `onRoute` hook swaps in a handler that
 * runs the same guard, the same pipes and the same controller method,
 * directly. A failure is thrown as on any route, to Fastify's error handler,
 * which is Nest's exception filter.
 */
import type { ArgumentMetadata } from '@nestjs/common';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host.js';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import { DeviceEventRequest, Entry } from '#libs/model-classes/src/index.js';
import type { ApiKeyGuard } from '../auth/api-key.guard.js';
import type { RequestWithJsonBody } from '../http/json-body-parser.js';
import { DomainError } from '../problem/domain-error.js';
import type { ModelValidationPipe } from '../validation/model-validation.pipe.js';
import { ScanIdPipe } from './scan-id.pipe.js';
import { ScansController } from './scans.controller.js';
import type { WireFormService } from './wire-form.service.js';

export interface DirectRouteParts {
  guard: ApiKeyGuard;
  validation: ModelValidationPipe;
  wireForm: WireFormService;
  controller: ScansController;
}

interface DirectRoute {
  method: 'stageEntry' | 'stageDevice';
  kind: 'entry' | 'device';
  body: ArgumentMetadata;
}

const PREFIX = '/v1/scans/:scanId';

const ROUTES = new Map<string, DirectRoute>([
  [
    `POST ${PREFIX}/entries`,
    {
      method: 'stageEntry',
      kind: 'entry',
      body: { type: 'body', metatype: Entry },
    },
  ],
  [
    `POST ${PREFIX}/devices`,
    {
      method: 'stageDevice',
      kind: 'device',
      body: { type: 'body', metatype: DeviceEventRequest },
    },
  ],
]);

const PARAM: ArgumentMetadata = { type: 'param', data: 'scanId' };

/** Call before Nest registers its routes; the start fails if a route was not found. */
export function serveEventRoutesDirectly(fastify: FastifyInstance, parts: DirectRouteParts): void {
  const swapped = new Set<string>();
  fastify.addHook('onRoute', (route) => {
    const name = `${String(route.method)} ${route.url}`;
    const direct = ROUTES.get(name);
    if (direct === undefined) return;
    route.handler = directHandler(direct, parts);
    swapped.add(name);
  });
  fastify.addHook('onReady', (done) => {
    const missing = [...ROUTES.keys()].filter((name) => !swapped.has(name));
    done(
      missing.length === 0
        ? undefined
        : new Error(`the routes ${missing.join(', ')} are not declared by ScansController`),
    );
  });
}

function directHandler(route: DirectRoute, parts: DirectRouteParts): RouteHandlerMethod {
  const scanIdPipe = new ScanIdPipe();
  // The method itself, as Nest hands it to guards: its decorators hold the access rule.
  const handler = Object.getOwnPropertyDescriptor(ScansController.prototype, route.method)
    ?.value as (...args: unknown[]) => unknown;
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const context = new ExecutionContextHost([request, reply], ScansController, handler);
    await parts.guard.canActivate(context);
    const { scanId } = request.params as { scanId: string };
    // Global pipes before the parameter's own, as Nest runs them.
    const id = scanIdPipe.transform(parts.validation.transform(scanId, PARAM) as string);
    const body = (await validated(route, parts, id, request.body)) as never;
    const key = request.headers['idempotency-key'];
    const accepted = await parts.controller[route.method](
      id,
      body,
      (request as RequestWithJsonBody).jsonText ?? '',
      typeof key === 'string' ? key : undefined,
    );
    return reply.status(202).send(accepted);
  };
}

/** The body as the data model takes it: as sent, or else read as Assonant's wire form. */
async function validated(
  route: DirectRoute,
  parts: DirectRouteParts,
  scanId: string,
  body: unknown,
): Promise<unknown> {
  try {
    return parts.validation.transform(body, route.body);
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'validation_failed') throw error;
    return parts.wireForm.resolve(scanId, route.kind, body);
  }
}
