/**
 * HDF5 uploads (`application/x-hdf5`, `application/octet-stream`) on the
 * upload routes. The parser reads nothing: the handler streams the body to
 * the spool (never memory: files can be gigabytes). The request's hooks
 * remove the spooled file whichever way the request ends — answered,
 * refused, aborted by the client — and the server's close removes the rest.
 * The handler never removes it itself.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { arrayBodyOf, isArraysRoute } from '../arrays/array-upload-body.js';
import { DomainError } from '../problem/domain-error.js';
import { Hdf5Upload } from './hdf5-upload.js';
import { uploadTooLarge, type UploadSpool } from './upload-spool.js';

export const HDF5_UPLOAD_TYPES = ['application/x-hdf5', 'application/octet-stream'];
export const HDF5_UPLOAD_ROUTES = ['/v1/validate'];

const uploads = new WeakMap<FastifyRequest, Hdf5Upload>();

export function isUploadRoute(url: string): boolean {
  return HDF5_UPLOAD_ROUTES.includes(url.split('?')[0] ?? '');
}

/** Uploads are taken on the upload routes only; elsewhere an HDF5 body is a 415 like any non-JSON. */
export function useHdf5Uploads(
  fastify: FastifyInstance,
  spool: UploadSpool,
  arrayLimitBytes: number,
): void {
  fastify.addContentTypeParser(HDF5_UPLOAD_TYPES, (request, payload, done) => {
    // Raw array bytes share application/octet-stream with HDF5 files.
    if (
      isArraysRoute(request) &&
      request.headers['content-type']?.startsWith('application/octet-stream')
    ) {
      try {
        done(null, arrayBodyOf(request, payload, 'raw', arrayLimitBytes));
      } catch (error) {
        done(error as DomainError, undefined);
      }
      return;
    }
    if (!isUploadRoute(request.url)) {
      done(
        new DomainError(
          'unsupported_media_type',
          `HDF5 bodies are taken by ${HDF5_UPLOAD_ROUTES.join(', ')} only; send JSON here, with Content-Type application/json.`,
        ),
        undefined,
      );
      return;
    }
    if (Number(request.headers['content-length'] ?? 0) > spool.limitBytes) {
      done(uploadTooLarge(spool.limitBytes), undefined);
      return;
    }
    const upload = new Hdf5Upload(payload, spool);
    uploads.set(request, upload);
    done(null, upload);
  });
  fastify.addHook('onRequestAbort', async (request) => {
    uploads.get(request)?.abort();
    await uploads.get(request)?.discard();
  });
  // Before the answer leaves, so that a client that has its answer finds no file of its own left.
  // Callback hooks: every request passes here, and most have no upload to wait for.
  fastify.addHook('onSend', (request, _reply, payload, done) => {
    const upload = uploads.get(request);
    if (upload === undefined) done(null, payload);
    else upload.discard().then(() => done(null, payload), done);
  });
  fastify.addHook('onResponse', (request, _reply, done) => {
    const upload = uploads.get(request);
    if (upload === undefined) done();
    else upload.discard().then(() => done(), done);
  });
  fastify.addHook('onClose', async () => {
    await spool.removeAll();
  });
}
