/**
 * A pool of warm validator processes for files from outside. HDF5 is a C
 * library and these files are hostile input: each one is read in a process
 * of its own, with a time limit, a memory limit and a cap on how many run at
 * once. A process that overruns, crashes or is no longer wanted is killed;
 * workerpool then starts a fresh one, so the caller only ever sees an outcome.
 */
import { fileURLToPath } from 'node:url';
import workerpool from 'workerpool';
import type { ValidationReport } from '#libs/nxdl/src/index.js';
import { ProcessWatch } from './process-watch.js';
import { VALIDATE_METHOD, type ChildAnswer, type ChildEvent } from './protocol.js';
import type { ValidateFileRequest } from './protocol.js';

export interface ValidatorPoolOptions {
  /**
   * Processes kept running; also how many files are validated at once. There
   * is no queue: a file past this many is refused as `busy`, and the client
   * retries. (workerpool stalls its queue when a process dies outside its
   * control, and a validator process dying is the case this pool is for.)
   */
  processes: number;
  /** Longest validation of one file, from the moment a process starts it, ms. */
  timeoutMs: number;
  /** Most resident memory of one validator process, MiB. */
  memoryMb: number;
  /** Where a validator's stderr lines go (HDF5 or WebAssembly diagnostics); default dropped. */
  log?: (line: string) => void;
}

export type FailureReason = 'timeout' | 'memory' | 'crashed' | 'aborted';

export type PoolOutcome =
  | { kind: 'report'; report: ValidationReport }
  /** HDF5 cannot open the file, or the definition asked for is unknown. */
  | { kind: 'unreadable'; message: string }
  /** The process working on the file was killed, or died; the file has no report. */
  | { kind: 'failed'; reason: FailureReason; message: string }
  /** Every process is busy. */
  | { kind: 'busy' }
  /** The pool is shutting down. */
  | { kind: 'closed' };

/** A diagnostic of a hostile file can be huge; the log needs only its start. */
const MAX_LOG_CHARS = 500;
/** A killed process has this long to exit before the pool gives up on it. */
const TERMINATE_GRACE_MS = 1000;

const CHILD_SCRIPT = fileURLToPath(new URL('./validator-child.js', import.meta.url));

export class ValidatorPool {
  private readonly pool: workerpool.Pool;
  private closed = false;
  private running = 0;

  constructor(private readonly options: ValidatorPoolOptions) {
    this.pool = workerpool.pool(CHILD_SCRIPT, {
      workerType: 'process',
      minWorkers: 'max',
      maxWorkers: options.processes,
      workerTerminateTimeout: TERMINATE_GRACE_MS,
      emitStdStreams: true,
      // The V8 heap limit catches a JavaScript runaway early; WebAssembly memory is watched by polling.
      forkOpts: { execArgv: [`--max-old-space-size=${options.memoryMb}`] },
    });
  }

  /** Validates one file; never rejects. `signal` aborts (and kills) the work on it. */
  async validate(request: ValidateFileRequest, signal?: AbortSignal): Promise<PoolOutcome> {
    if (this.closed) return { kind: 'closed' };
    if (signal?.aborted === true) return aborted();
    if (this.running >= this.options.processes) return { kind: 'busy' };
    this.running += 1;
    try {
      return await this.run(request, signal);
    } finally {
      this.running -= 1;
    }
  }

  private async run(request: ValidateFileRequest, signal?: AbortSignal): Promise<PoolOutcome> {
    const watch = new ProcessWatch(this.options, signal);
    const task = this.pool.exec(VALIDATE_METHOD, [request], {
      on: (event: ChildEvent) => {
        if ('pid' in event) watch.started(event.pid);
        else if ('fatal' in event) watch.fatal(event.fatal);
        else if ('stderr' in event) this.options.log?.(event.stderr.slice(0, MAX_LOG_CHARS));
      },
    }) as workerpool.Promise<ChildAnswer>;
    watch.onQueuedAbort(() => void task.cancel());
    // A backstop should the child never say it started: it cannot take longer than twice its limit.
    task.timeout(2 * this.options.timeoutMs + TERMINATE_GRACE_MS);
    try {
      const answer = await task;
      return answer.ok
        ? { kind: 'report', report: answer.report }
        : { kind: 'unreadable', message: answer.message };
    } catch (error) {
      if (this.closed) return { kind: 'closed' };
      return watch.failure(error);
    } finally {
      watch.stop();
    }
  }

  /** Kills every validator process; validations in progress end as `closed`. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.terminate(true, TERMINATE_GRACE_MS).catch(() => undefined);
  }
}

function aborted(): PoolOutcome {
  return { kind: 'failed', reason: 'aborted', message: 'the request was aborted' };
}
