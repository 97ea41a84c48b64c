/**
 * The service as separate processes, as it runs in production: a gateway and
 * workers started from the built apps, each one killable and restartable.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

export class ServiceProcess {
  private child: ChildProcess | undefined;
  /** Everything the process wrote, for assertions and for diagnosis on failure. */
  output = '';

  constructor(
    private readonly script: string,
    private readonly env: NodeJS.ProcessEnv,
    /** A line on stdout that says the process is ready. */
    private readonly readyPattern: RegExp,
  ) {}

  async start(): Promise<void> {
    const child = spawn(process.execPath, [path.join(root, 'dist', this.script)], {
      cwd: root,
      env: { ...process.env, ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${this.script} not ready:\n${this.output}`)),
        30_000,
      );
      const onData = (chunk: Buffer): void => {
        this.output += chunk.toString();
        if (this.readyPattern.test(this.output.slice(-4096))) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', (chunk: Buffer) => {
        this.output += chunk.toString();
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${this.script} exited with ${code}:\n${this.output}`));
      });
    }).finally(() => child.removeAllListeners('exit'));
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Sends `signal` and waits for the process to end. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (child === undefined || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    await exited;
  }
}

export function gatewayProcess(env: NodeJS.ProcessEnv): ServiceProcess {
  return new ServiceProcess('apps/gateway/src/main.js', env, /Assonant Gateway listening/);
}

export function workerProcess(env: NodeJS.ProcessEnv): ServiceProcess {
  // Each worker its own free port for /metrics: several run at once.
  const own = { WORKER_HTTP_PORT: '0', ...env };
  return new ServiceProcess('apps/worker/src/main.js', own, /Assonant Gateway worker ready/);
}
