/**
 * Watches the process that validates one file: kills it when its time is up,
 * when its resident memory passes the limit, or when the caller aborts, and
 * remembers why, so that the pool can tell a kill from a crash.
 */
import type { FailureReason, PoolOutcome } from './validator-pool.js';
import { residentMiB } from './resident-memory.js';

interface Limits {
  timeoutMs: number;
  memoryMb: number;
}

/** Often enough to stop a runaway allocation within a few hundred MiB, rare enough to cost nothing. */
const MEMORY_POLL_MS = 100;

export class ProcessWatch {
  private pid: number | undefined;
  private killedFor: { reason: FailureReason; message: string } | undefined;
  private deadline: NodeJS.Timeout | undefined;
  private poll: NodeJS.Timeout | undefined;
  private cancelQueued: (() => void) | undefined;
  private fatalMessage: string | undefined;
  private readonly onAbort = (): void =>
    this.kill('aborted', 'the request was aborted before its file was validated');

  constructor(
    private readonly limits: Limits,
    private readonly signal: AbortSignal | undefined,
  ) {
    signal?.addEventListener('abort', this.onAbort, { once: true });
  }

  /** A task still waiting in the queue has no process to kill: it is taken off the queue instead. */
  onQueuedAbort(cancel: () => void): void {
    this.cancelQueued = cancel;
  }

  started(pid: number): void {
    this.pid = pid;
    this.deadline = setTimeout(
      () => this.kill('timeout', `validation took longer than ${this.limits.timeoutMs} ms`),
      this.limits.timeoutMs,
    );
    this.poll = setInterval(() => void this.checkMemory(pid), MEMORY_POLL_MS);
  }

  /** The child said why it is about to exit. */
  fatal(message: string): void {
    this.fatalMessage = message;
  }

  /** The outcome of a task that rejected: the kill that caused it, or a crash. */
  failure(error: unknown): PoolOutcome {
    if (this.killedFor !== undefined) return { kind: 'failed', ...this.killedFor };
    if (this.fatalMessage !== undefined) {
      return { kind: 'failed', reason: 'crashed', message: this.fatalMessage };
    }
    const text = error instanceof Error ? error.message : String(error);
    const signal = /signalCode: `(\w+)`/.exec(text)?.[1];
    const exit = /exitCode: `(\d+)`/.exec(text)?.[1];
    const how =
      signal !== undefined && signal !== 'null'
        ? `killed by ${signal}`
        : exit !== undefined
          ? `exited with code ${exit}`
          : 'stopped';
    return { kind: 'failed', reason: 'crashed', message: `the validator process ${how}` };
  }

  stop(): void {
    clearTimeout(this.deadline);
    clearInterval(this.poll);
    this.signal?.removeEventListener('abort', this.onAbort);
  }

  private async checkMemory(pid: number): Promise<void> {
    const mib = await residentMiB(pid);
    if (mib !== undefined && mib > this.limits.memoryMb) {
      this.kill('memory', `validation needed more than ${this.limits.memoryMb} MiB of memory`);
    }
  }

  private kill(reason: FailureReason, message: string): void {
    if (this.killedFor !== undefined) return;
    this.killedFor = { reason, message };
    this.stop();
    if (this.pid === undefined) {
      this.cancelQueued?.();
      return;
    }
    try {
      // SIGKILL: a process inside a long WebAssembly call never runs a SIGTERM handler.
      process.kill(this.pid, 'SIGKILL');
    } catch {
      /* it has just exited by itself */
    }
  }
}
