/**
 * The README says Node 20 is enough. Every installed package must declare the
 * Node that runs the tests, save the ones listed here, each with the reason
 * it is kept and the check that it works on Node 20 (the whole suite runs on
 * the Node the machine has).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import semver from 'semver';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Packages that declare node >=22 but only use what Node 20 has. */
const KNOWN_NODE_22_ONLY: Record<string, string> = {
  // @fastify/static@10 calls its `create`; no release declaring Node 20 has it.
  'content-disposition': 'plain string building, no Node 22 API',
  // light-my-request (Fastify's inject) calls its `stringifySetCookie`; same.
  cookie: 'plain string parsing, no Node 22 API',
};

function installedPackages(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (!entry.isDirectory() || entry.name.startsWith('.')) return [];
    const full = path.join(dir, entry.name);
    if (entry.name.startsWith('@')) return installedPackages(full);
    const nested = path.join(full, 'node_modules');
    const inner = readdirSync(full).includes('node_modules') ? installedPackages(nested) : [];
    return [full, ...inner];
  });
}

describe('Node engines of the installed packages', () => {
  it(`every package accepts Node ${process.version}, or is known and explained`, () => {
    const refusing: string[] = [];
    for (const dir of installedPackages(path.join(root, 'node_modules'))) {
      let manifest: { name?: string; version?: string; engines?: { node?: string } };
      try {
        manifest = JSON.parse(
          readFileSync(path.join(dir, 'package.json'), 'utf8'),
        ) as typeof manifest;
      } catch {
        continue;
      }
      const range = manifest.engines?.node;
      if (range === undefined || manifest.name === undefined) continue;
      if (semver.validRange(range) === null) continue;
      if (semver.satisfies(process.version, range)) continue;
      if (manifest.name in KNOWN_NODE_22_ONLY) continue;
      refusing.push(`${manifest.name}@${manifest.version ?? '?'} wants node ${range}`);
    }
    assert.deepEqual(refusing, []);
  });
});
