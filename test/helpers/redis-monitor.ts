/**
 * What Redis ran while a step ran, seen through MONITOR: every command of
 * every client, and each command a Lua script ran (source `lua`), so a test
 * can count the work a request did in Redis, not only the calls it sent.
 */
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';

export interface SeenCommand {
  /** Lower case, e.g. `hgetall`. */
  name: string;
  args: string[];
  /** `host:port` of the client, or `lua` for a command run by a script. */
  source: string;
}

/**
 * Runs `step` and returns what it returned with the commands Redis ran
 * meanwhile, in order. The end is a marker command sent once the step is
 * done: MONITOR shows the commands in the order Redis ran them, so every
 * command of the step comes before it.
 */
export async function commandsDuring<T>(
  redisUrl: string,
  step: () => Promise<T>,
): Promise<{ result: T; commands: SeenCommand[] }> {
  const marker = `monitor-end-${randomUUID()}`;
  const seen: SeenCommand[] = [];
  let markerSeen: () => void = () => undefined;
  const ended = new Promise<void>((resolve) => (markerSeen = resolve));
  // monitor() opens a connection of its own, beside the one it is called on.
  const other = new Redis(redisUrl);
  let monitor: Redis | undefined;
  try {
    monitor = await other.monitor();
    monitor.on('monitor', (_time: string, args: string[], source: string) => {
      const [name = '', ...rest] = args;
      if (name.toLowerCase() === 'echo' && rest[0] === marker) markerSeen();
      else seen.push({ name: name.toLowerCase(), args: rest, source });
    });
    const result = await step();
    await other.echo(marker);
    await ended;
    return { result, commands: seen };
  } finally {
    other.disconnect();
    monitor?.disconnect();
  }
}

/** The commands that name a key (or key pattern) under `prefix:`. */
export function underPrefix(commands: SeenCommand[], prefix: string): SeenCommand[] {
  return commands.filter((command) => command.args.some((arg) => arg.startsWith(`${prefix}:`)));
}

/** How many times each command ran, e.g. `{ hgetall: 3, zrevrange: 1 }`. */
export function countByName(commands: SeenCommand[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { name } of commands) counts[name] = (counts[name] ?? 0) + 1;
  return counts;
}
