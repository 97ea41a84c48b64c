/**
 * The HDF5 body of an upload route. Anything else — a JSON body above all,
 * which once named a server path — is refused with 415 before it is used.
 */
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { Hdf5Upload } from '../http/hdf5-upload.js';
import { unsupportedMedia } from '../problem/transport-errors.js';

export const UploadedHdf5 = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Hdf5Upload => {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (request.body instanceof Hdf5Upload) return request.body;
    throw unsupportedMedia(request.headers['content-type'], true);
  },
);
