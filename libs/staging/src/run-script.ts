/**
 * Runs a Lua script through ioredis' own script support: the text goes to
 * each connection once, then only its SHA1 (EVALSHA, with EVAL again after a
 * NOSCRIPT, as when Redis restarted). Sending the text with every call, as a
 * plain EVAL does, costs a kilobyte or more per staged event on the wire and
 * a hash of it in Redis.
 */
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

type ScriptCommand = (
  numberOfKeys: number,
  ...keysAndArgs: (string | number)[]
) => Promise<unknown>;

/** The command name each script is defined under, per connection. */
const defined = new WeakMap<Redis, Map<string, string>>();

export function runScript(
  redis: Redis,
  lua: string,
  numberOfKeys: number,
  ...keysAndArgs: (string | number)[]
): Promise<unknown> {
  let names = defined.get(redis);
  if (names === undefined) {
    names = new Map();
    defined.set(redis, names);
  }
  let name = names.get(lua);
  if (name === undefined) {
    name = `assonant_${createHash('sha1').update(lua).digest('hex')}`;
    redis.defineCommand(name, { lua });
    names.set(lua, name);
  }
  const command = (redis as unknown as Record<string, ScriptCommand>)[name];
  if (command === undefined) throw new Error(`ioredis did not define the script command ${name}`);
  return command.call(redis, numberOfKeys, ...keysAndArgs);
}
