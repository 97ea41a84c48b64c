/**
 * HDF5 uploads (`application/x-hdf5`, `application/octet-stream`) are streamed
 * to a temporary file, never held in memory: files can be gigabytes. The
 * handler gets `{ file }` and removes it when done.
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance } from 'fastify';

export const HDF5_UPLOAD_TYPES = ['application/x-hdf5', 'application/octet-stream'];

export interface UploadedFile {
  file: string;
  size: number;
}

class UnsupportedHere extends Error {
  readonly code = 'FST_ERR_CTP_INVALID_MEDIA_TYPE';
  readonly statusCode = 415;
}

class UploadTooLarge extends Error {
  readonly code = 'FST_ERR_CTP_BODY_TOO_LARGE';
  readonly statusCode = 413;
}

/** Uploads are taken on these routes only; elsewhere an HDF5 body is a 415 like any non-JSON. */
export function useHdf5Uploads(
  fastify: FastifyInstance,
  limitBytes: number,
  routes: string[] = ['/v1/validate'],
): void {
  fastify.addContentTypeParser(HDF5_UPLOAD_TYPES, (request, payload, done) => {
    const route = request.url.split('?')[0] ?? '';
    if (!routes.includes(route)) {
      done(new UnsupportedHere('HDF5 bodies are taken by /v1/validate only'), undefined);
      return;
    }
    const file = path.join(os.tmpdir(), `assonant-upload-${randomUUID()}.h5`);
    let size = 0;
    const limit = new Transform({
      transform(chunk: Buffer, _encoding, next) {
        size += chunk.length;
        if (size > limitBytes) next(new UploadTooLarge(`upload larger than ${limitBytes} bytes`));
        else next(null, chunk);
      },
    });
    pipeline(payload, limit, createWriteStream(file)).then(
      () => done(null, { file, size } satisfies UploadedFile),
      async (error: Error) => {
        await rm(file, { force: true });
        done(error, undefined);
      },
    );
  });
}
