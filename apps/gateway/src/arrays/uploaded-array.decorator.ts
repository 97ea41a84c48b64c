/** The array body of the arrays route; any other body is refused with 415 before it is used. */
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../problem/domain-error.js';
import { ArrayUploadBody, NPY_TYPE } from './array-upload-body.js';

export const UploadedArray = createParamDecorator(
  (_data: unknown, context: ExecutionContext): ArrayUploadBody => {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (request.body instanceof ArrayUploadBody) return request.body;
    const sent = request.headers['content-type'] ?? 'none';
    throw new DomainError(
      'unsupported_media_type',
      `Send the array as ${NPY_TYPE} (np.save to a buffer) or as application/octet-stream with X-Array-Dtype and X-Array-Shape (this request has Content-Type ${sent}).`,
    );
  },
);
