/**
 * The body exactly as received. It is what gets staged: the worker parses it
 * again with integer literals kept exact, which JSON.parse cannot do.
 */
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { RequestWithRawJson } from '../http/json-body-parser.js';

export const RawJsonBody = createParamDecorator((_: unknown, context: ExecutionContext): string => {
  const request = context.switchToHttp().getRequest<RequestWithRawJson>();
  return request.rawJson ?? '';
});
