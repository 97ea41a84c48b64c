/**
 * The worker's write thread loads the framework-free core only: importing its
 * module, as piscina does when a thread starts, loads no module of Nest,
 * class-validator, class-transformer or the decorated request classes.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const THREAD_MODULE = new URL('../../apps/worker/src/nexus-write-thread.js', import.meta.url);
const GATEWAY_MODULE = new URL('../../apps/gateway/src/app.module.js', import.meta.url);

/** Every module a fresh process has loaded after importing `module`: CommonJS files and ESM URLs. */
async function modulesLoadedBy(module: URL): Promise<string[]> {
  // The resolve hook sees every ESM import; require.cache holds every CommonJS file.
  const script = `
    import { register, createRequire } from 'node:module';
    import { MessageChannel } from 'node:worker_threads';
    const { port1, port2 } = new MessageChannel();
    const seen = [];
    port1.on('message', (url) => seen.push(url));
    port1.unref();
    const hooks = 'data:text/javascript,' + encodeURIComponent(
      'let port; export function initialize(data) { port = data.port; }' +
      'export async function resolve(specifier, context, next) {' +
      '  const resolved = await next(specifier, context); port.postMessage(resolved.url); return resolved; }');
    register(hooks, { data: { port: port2 }, transferList: [port2] });
    await import(${JSON.stringify(module.href)});
    await new Promise((resolve) => setTimeout(resolve, 50));
    const cjs = Object.keys(createRequire(import.meta.url).cache);
    // Exit once the list is written: a pipe takes a large write in several turns.
    process.stdout.write(JSON.stringify([...seen, ...cjs]), () => process.exit(0));
  `;
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--input-type=module', '-e', script],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  return JSON.parse(stdout) as string[];
}

const FRAMEWORK =
  /node_modules\/(@nestjs|class-validator|class-transformer|reflect-metadata)\/|libs\/model-classes\//;

describe('the write thread module graph', () => {
  it('holds the writer and the validator, and no framework module', async () => {
    const loaded = await modulesLoadedBy(THREAD_MODULE);
    const mine = (lib: string): boolean => loaded.some((url) => url.includes(`/libs/${lib}/src/`));
    assert.ok(mine('nexus') && mine('nxdl') && mine('techniques'), loaded.join('\n'));
    assert.deepEqual(
      loaded.filter((url) => FRAMEWORK.test(url)),
      [],
      'framework modules in the write thread',
    );
  });

  it('would see them: the gateway module loads Nest and the decorated classes', async () => {
    const loaded = await modulesLoadedBy(GATEWAY_MODULE);
    assert.ok(loaded.some((url) => /node_modules\/@nestjs\/core\//.test(url)));
    assert.ok(loaded.some((url) => url.includes('/libs/model-classes/src/')));
    assert.ok(fileURLToPath(THREAD_MODULE).endsWith('nexus-write-thread.js'));
  });
});
