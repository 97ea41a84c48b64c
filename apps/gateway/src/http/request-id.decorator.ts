/**
 * The request's id (the client's X-Request-Id, else one made up), for what a
 * request hands on: a queued write carries it into the worker's log lines.
 */
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

export const RequestId = createParamDecorator((_: unknown, context: ExecutionContext): string =>
  String(context.switchToHttp().getRequest<FastifyRequest>().id),
);
