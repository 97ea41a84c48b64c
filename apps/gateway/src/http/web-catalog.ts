/**
 * The web catalog at /ui: the bundle scripts/build-ui.mjs makes in dist/ui,
 * served as static files. The page itself needs no key (it holds no data);
 * every call it makes to the API sends the session's key, as any client.
 */
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const WEB_CATALOG_PATH = '/ui';

/** dist/apps/gateway/src/http → dist/ui */
const BUNDLE = fileURLToPath(new URL('../../../../ui/', import.meta.url));

export async function serveWebCatalog(fastify: FastifyInstance): Promise<void> {
  // Built with the rest by setup; a gateway built by tsc alone serves the API without it.
  if (!existsSync(BUNDLE)) return;
  fastify.get(WEB_CATALOG_PATH, (_request, reply) => reply.redirect(`${WEB_CATALOG_PATH}/`, 301));
  await fastify.register(fastifyStatic, {
    root: BUNDLE,
    prefix: `${WEB_CATALOG_PATH}/`,
    decorateReply: false,
    index: 'index.html',
    // The bundle's names (app.js, app.css) are the same in every build: a
    // browser revalidates each time (ETag), so a new build is seen at once.
    cacheControl: true,
    maxAge: 0,
  });
}
