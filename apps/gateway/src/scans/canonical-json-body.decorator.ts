/**
 * The body's canonical text (sorted keys, numbers as sent), made from the one
 * lossless parse of the body. It is what is digested and staged, so a repeat
 * is recognised whatever its key order, and the worker reads exactly what was
 * validated.
 */
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { RequestWithJsonBody } from '../http/json-body-parser.js';

export const CanonicalJsonBody = createParamDecorator(
  (_: unknown, context: ExecutionContext): string => {
    const request = context.switchToHttp().getRequest<RequestWithJsonBody>();
    return request.jsonBody?.canonical ?? '';
  },
);
