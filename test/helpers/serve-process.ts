/**
 * `npm start`'s process (dist/scripts/serve.js) with its embedded Redis, on
 * ports and directories of its own, and what it printed.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '#libs/embedded-redis/src/embedded-redis.js';
import { tempDir } from '#libs/testing/src/temp-dir.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export class ServeProcess {
  output = '';

  private constructor(
    readonly child: ChildProcess,
    readonly baseUrl: string,
    readonly dataRoot: string,
  ) {
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
  }

  static async spawn(overrides: NodeJS.ProcessEnv = {}): Promise<ServeProcess> {
    const { dir } = await tempDir('serve-');
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      EMBEDDED_REDIS_PORT: String(await freePort()),
      EMBEDDED_REDIS_DIR: path.join(dir, 'redis'),
      DATA_ROOT: path.join(dir, 'data'),
      WORKERS: '1',
      // Free ports for the workers' /metrics, as many tests run at once.
      WORKER_HTTP_PORT: '0',
      LOG_LEVEL: 'warn',
      ...overrides,
    };
    delete env.REDIS_URL;
    delete env.API_KEYS_FILE;
    const child = spawn(process.execPath, [path.join(root, 'dist/scripts/serve.js')], {
      cwd: os.tmpdir(),
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new ServeProcess(child, `http://127.0.0.1:${port}`, env.DATA_ROOT ?? '');
  }

  /** The first group (or the whole match) of each of the first `times` matches of `pattern`. */
  async waitFor(pattern: RegExp, times = 1, timeoutMs = 30_000): Promise<string[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const matches = [...this.output.matchAll(new RegExp(pattern.source, 'g'))];
      if (matches.length >= times) return matches.map((match) => match[1] ?? match[0]);
      assert.ok(Date.now() < deadline, `no ${pattern} (×${times}) in:\n${this.output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** The pid of the `nth` start of app `name` ("gateway", "worker 1"…). */
  async pidOf(name: string, nth: number): Promise<number> {
    const pids = await this.waitFor(new RegExp(`${name} started \\(pid (\\d+)\\)`), nth);
    return Number(pids[nth - 1]);
  }

  /** Resolves once the gateway has said it listens `times` times and the workers are ready. */
  async ready(times = 1): Promise<void> {
    await this.waitFor(/Assonant Gateway listening/, times);
    await this.waitFor(/Assonant Gateway worker ready/);
  }

  exited(): Promise<number | null> {
    if (this.child.exitCode !== null || this.child.signalCode !== null)
      return Promise.resolve(this.child.exitCode);
    return new Promise((resolve) => this.child.once('exit', resolve));
  }

  /**
   * Stops it as Ctrl-C would (its apps and Redis with it); SIGKILL only if it
   * does not stop in time. A SIGKILLed supervisor would leave its children
   * running, holding the test's pipes open.
   */
  async stop(timeoutMs = 30_000): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = this.exited();
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    await exited;
    clearTimeout(timer);
  }
}
