/**
 * One app process of `npm start` (the gateway, a worker), kept running: when
 * it exits without being asked to, it is started again after a delay that
 * doubles with each quick crash (0.5 s up to 30 s) and resets once the
 * process has stayed up a minute. Each crash and restart is logged. An exit
 * for a configuration error is not retried: it would fail the same way.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { CONFIG_ERROR_EXIT_CODE } from '#libs/config/src/index.js';

const FIRST_DELAY_MS = 500;
const MAX_DELAY_MS = 30_000;
/** Up this long, a process counts as healthy again and the delay starts over. */
const STABLE_AFTER_MS = 60_000;

export interface SupervisedAppOptions {
  name: string;
  script: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
  /** Called when the app cannot be kept running (a configuration error). */
  onGiveUp: (code: number) => void;
}

export class SupervisedApp {
  private child: ChildProcess | undefined;
  private stopping = false;
  private delayMs = FIRST_DELAY_MS;
  private restartTimer: NodeJS.Timeout | undefined;
  restarts = 0;

  constructor(private readonly options: SupervisedAppOptions) {}

  start(): void {
    const { name, script, cwd, env, log } = this.options;
    const startedAt = Date.now();
    const child = spawn(process.execPath, [script], { cwd, env, stdio: 'inherit' });
    this.child = child;
    log(`${name} started (pid ${child.pid ?? '?'})`);
    child.on('exit', (code, signal) => {
      if (this.stopping) return;
      const how = signal ?? `code ${code ?? '?'}`;
      if (code === CONFIG_ERROR_EXIT_CODE) {
        log(`${name} exited (${how}): its configuration is wrong; not restarting it`);
        this.options.onGiveUp(1);
        return;
      }
      if (Date.now() - startedAt >= STABLE_AFTER_MS) this.delayMs = FIRST_DELAY_MS;
      log(`${name} exited (${how}); restarting it in ${(this.delayMs / 1000).toFixed(1)} s`);
      this.restartTimer = setTimeout(() => {
        this.restarts += 1;
        this.start();
      }, this.delayMs);
      this.delayMs = Math.min(MAX_DELAY_MS, this.delayMs * 2);
    });
  }

  /** Asks the app to stop (SIGTERM) and waits for it; no restart follows. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    const child = this.child;
    if (child === undefined || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }
}
