/**
 * The worker process's warm writer threads (piscina): as many as jobs it
 * runs at once, each with h5wasm loaded once for all its files. The job's
 * processor awaits its file here, so BullMQ renews the job's lock on the
 * main event loop while HDF5 works in a thread.
 *
 * A thread that dies (out of memory, an uncaught exception) or retires
 * itself (its h5wasm no longer fit for a file, see writer-health.ts) is
 * replaced by piscina; its file's outcome says why, and a failed write is
 * retried by BullMQ like any I/O error.
 */
import { Piscina } from 'piscina';
import type { ReportOutcome, WriteOutcome, WriteRequest } from './write-request.js';
import { isRetiredThreadError, type ThreadState } from './writer-thread-contract.js';

const THREAD_MODULE = new URL('./nexus-write-thread.js', import.meta.url);

type Log = (level: 'info' | 'warn' | 'error', msg: string) => void;

export interface WritePoolOptions {
  threads: number;
  /** Most JS heap of one thread, MiB (WRITE_THREAD_MEMORY_MB). */
  threadMemoryMb: number;
  log: Log;
  /** The thread module; tests give one that wraps the real one. */
  threadModule?: URL;
}

export class WritePool {
  private readonly pool: Piscina<WriteRequest, WriteOutcome>;

  constructor(private readonly options: WritePoolOptions) {
    this.pool = new Piscina<WriteRequest, WriteOutcome>({
      filename: (options.threadModule ?? THREAD_MODULE).href,
      // Started at once and never let go idle: a file never waits for h5wasm to load.
      minThreads: options.threads,
      maxThreads: options.threads,
      concurrentTasksPerWorker: 1,
      resourceLimits: { maxOldGenerationSizeMb: options.threadMemoryMb },
    });
    // A thread that dies between files has no task to tell; piscina replaces it.
    this.pool.on('error', (error: unknown) =>
      options.log('warn', `a writer thread died between files: ${reasonOf(error)}`),
    );
  }

  /** Builds, writes and validates one file in a writer thread; never rejects. */
  async write(request: WriteRequest): Promise<WriteOutcome> {
    try {
      return await this.pool.run(request);
    } catch (error) {
      return this.outcomeOfLostThread(error);
    }
  }

  /** A report's dry run of one file in a writer thread; never rejects. */
  async report(request: WriteRequest): Promise<ReportOutcome> {
    try {
      return await this.pool.run(request, { name: 'reportTask' });
    } catch (error) {
      if (isRetiredThreadError(error)) {
        this.options.log('info', `a writer thread was replaced: ${error.message}`);
        // A retiring thread hands on the outcome of its last task, here a report.
        return error.outcome;
      }
      return {
        ok: false,
        message: `the writer thread died: ${reasonOf(error, this.options.threadMemoryMb)}`,
      };
    }
  }

  /** The state of one writer thread (any), e.g. its WebAssembly memory. */
  threadState(): Promise<ThreadState> {
    return this.pool.run(undefined as unknown as WriteRequest, {
      name: 'threadState',
    }) as unknown as Promise<ThreadState>;
  }

  /** Stops every thread; call once no write is in progress. */
  close(): Promise<void> {
    return this.pool.destroy();
  }

  private outcomeOfLostThread(error: unknown): WriteOutcome {
    if (isRetiredThreadError(error)) {
      const { outcome } = error;
      this.options.log('info', `a writer thread was replaced: ${error.message}`);
      if (outcome.ok) return outcome;
      return {
        ...outcome,
        message: `${outcome.message} (the writer thread was replaced: ${error.message})`,
      };
    }
    return {
      ok: false,
      kind: 'io',
      message: `the writer thread died: ${reasonOf(error, this.options.threadMemoryMb)}`,
    };
  }
}

function reasonOf(error: unknown, threadMemoryMb?: number): string {
  if (!(error instanceof Error)) return String(error);
  if ((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') {
    const limit = threadMemoryMb === undefined ? '' : ` (WRITE_THREAD_MEMORY_MB=${threadMemoryMb})`;
    return `it ran out of memory${limit}: ${error.message}`;
  }
  return error.message;
}
