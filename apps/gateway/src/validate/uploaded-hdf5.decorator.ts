/**
 * The HDF5 body of an upload route. Anything else — a JSON body above all,
 * which once named a server path — is refused with 415 before it is used.
 */
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Hdf5Upload } from '../http/hdf5-upload.js';
import { DomainError } from '../problem/domain-error.js';

export const UploadedHdf5 = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Hdf5Upload => {
    const body = context.switchToHttp().getRequest<FastifyRequest>().body;
    if (body instanceof Hdf5Upload) return body;
    throw new DomainError(
      'unsupported_media_type',
      'Send the file itself as the body, with Content-Type application/x-hdf5.',
    );
  },
);
