/**
 * A private redis-server run as a child process: the embedded default of
 * `npm start`, and the real Redis of the test suite. Append-only persistence
 * with an fsync per write, so an acknowledged event survives a crash; no
 * eviction, so staged events are never dropped to make room.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { Redis } from 'ioredis';

export interface EmbeddedRedisOptions {
  /** Directory for the append-only file and the log. */
  dir: string;
  /** TCP port on 127.0.0.1; 0 picks a free one. */
  port: number;
  /** The redis-server binary. Default: `redis-server` on PATH. */
  binary?: string;
  /** How long to wait for it to answer PING, ms. Default 15000. */
  startTimeoutMs?: number;
  /**
   * When Redis fsyncs its append-only file. Default `always`: an event is on
   * disk before the gateway answers 202. `everysec` trades up to a second of
   * acknowledged events on power loss for throughput.
   */
  appendfsync?: 'always' | 'everysec';
}

export class EmbeddedRedis {
  private child: ChildProcess | undefined;

  private constructor(
    private readonly options: Required<EmbeddedRedisOptions>,
    readonly port: number,
  ) {}

  static async start(options: EmbeddedRedisOptions): Promise<EmbeddedRedis> {
    const port = options.port === 0 ? await freePort() : options.port;
    const resolved = {
      binary: 'redis-server',
      startTimeoutMs: 15_000,
      appendfsync: 'always' as const,
      ...options,
    };
    const redis = new EmbeddedRedis(resolved, port);
    await redis.launch();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts the server again on the same port and data (after `stop` or `kill`). */
  async launch(): Promise<void> {
    const dir = path.resolve(this.options.dir);
    await mkdir(dir, { recursive: true });
    const args = [
      '--port', String(this.port),
      '--bind', '127.0.0.1',
      '--dir', dir,
      '--appendonly', 'yes',
      '--appendfsync', this.options.appendfsync,
      '--save', '',
      '--maxmemory-policy', 'noeviction',
      '--daemonize', 'no',
      '--logfile', path.join(dir, 'redis.log'),
    ]; // prettier-ignore
    const child = spawn(this.options.binary, args, { stdio: 'ignore' });
    this.child = child;
    const failed = new Promise<never>((_, reject) => {
      child.once('error', (error) =>
        reject(new Error(`cannot run ${this.options.binary}: ${error.message}`, { cause: error })),
      );
      child.once('exit', (code) =>
        reject(new Error(`redis-server exited with code ${code}; see ${dir}/redis.log`)),
      );
    });
    await Promise.race([this.waitForPing(), failed]);
  }

  /** Graceful stop: Redis flushes its append-only file and exits. */
  async stop(): Promise<void> {
    await this.signal('SIGTERM');
  }

  /** Abrupt stop, as a crash would be. */
  async kill(): Promise<void> {
    await this.signal('SIGKILL');
  }

  private async signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (child === undefined || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    await exited;
  }

  private async waitForPing(): Promise<void> {
    const deadline = Date.now() + this.options.startTimeoutMs;
    const client = new Redis(this.port, '127.0.0.1', {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    // Refused connections are expected until the server listens; they are retried below.
    client.on('error', () => undefined);
    try {
      for (;;) {
        try {
          if (client.status !== 'ready') await client.connect();
          await client.ping();
          return;
        } catch (error) {
          if (Date.now() > deadline)
            throw new Error('redis-server did not answer', { cause: error });
          client.disconnect();
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
    } finally {
      client.disconnect();
    }
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
