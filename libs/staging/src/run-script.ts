/**
 * Runs the staging store's Lua scripts through ioredis' own script support:
 * the text goes to each connection once, then only its SHA1 (EVALSHA, with
 * EVAL again after a NOSCRIPT, as when Redis restarted). Sending the text with
 * every call, as a plain EVAL does, costs a kilobyte or more per staged event
 * on the wire and a hash of it in Redis.
 *
 * Every script is defined on a connection at once, before its first command
 * (defineScanScripts, called by the constructors of ScanStore, OpenScans and
 * CatalogBackfill): a command defined
 * while an automatic pipeline is being filled would not be in that pipeline,
 * and its answer would go to another caller.
 */
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { CATALOG_PAGE, INDEX_SCAN } from './catalog-scripts.js';
import { PUT_SCHEMA } from './schema-scripts.js';
import * as scanScripts from './scan-scripts.js';

type ScriptCommand = (
  numberOfKeys: number,
  ...keysAndArgs: (string | number)[]
) => Promise<unknown>;

/** Every script the store's classes run; a script not here cannot be run. */
const SCRIPTS: readonly string[] = [
  CATALOG_PAGE,
  INDEX_SCAN,
  PUT_SCHEMA,
  ...Object.values(scanScripts),
];
const NAMES = new Map(
  SCRIPTS.map((lua) => [lua, `assonant_${createHash('sha1').update(lua).digest('hex')}`]),
);

/** The connections whose scripts are defined. */
const defined = new WeakSet<Redis>();

export function defineScanScripts(redis: Redis): void {
  if (defined.has(redis)) return;
  for (const [lua, name] of NAMES) redis.defineCommand(name, { lua });
  defined.add(redis);
}

export function runScript(
  redis: Redis,
  lua: string,
  numberOfKeys: number,
  ...keysAndArgs: (string | number)[]
): Promise<unknown> {
  const name = NAMES.get(lua);
  if (name === undefined) throw new Error('a staging script is missing from run-script.ts');
  if (!defined.has(redis)) {
    throw new Error('a staging script ran on a connection its scripts were not defined on');
  }
  const command = (redis as unknown as Record<string, ScriptCommand>)[name];
  if (command === undefined) throw new Error(`ioredis did not define the script command ${name}`);
  return command.call(redis, numberOfKeys, ...keysAndArgs);
}
