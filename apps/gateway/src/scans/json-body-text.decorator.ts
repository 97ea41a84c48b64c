/**
 * The body's JSON text as received, checked by the one strict parse that also
 * gave the validated value. It is what is staged, so the worker reads exactly
 * what was validated, numbers as sent.
 */
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { RequestWithJsonBody } from '../http/json-body-parser.js';

export const JsonBodyText = createParamDecorator(
  (_: unknown, context: ExecutionContext): string =>
    context.switchToHttp().getRequest<RequestWithJsonBody>().jsonText ?? '',
);
