/**
 * A worker process's metrics, in a registry of its own (two workers in one
 * process, as in the tests, keep theirs apart): write durations by phase,
 * files written, failures by kind, validation errors and warnings by
 * application definition, writer threads busy; and the process's own.
 */
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { collectProcessMetricsOnce } from '#libs/observability/src/index.js';
import type { ScanValidation } from '#libs/model/src/scan/validation-report.js';

export const WORKER_METRICS = {
  phaseSeconds: 'assonant_worker_write_phase_seconds',
  filesWritten: 'assonant_worker_files_written_total',
  failures: 'assonant_worker_write_failures_total',
  validationErrors: 'assonant_worker_validation_errors_total',
  validationWarnings: 'assonant_worker_validation_warnings_total',
  threads: 'assonant_worker_writer_threads',
  threadsBusy: 'assonant_worker_writer_threads_busy',
} as const;

/** Why a write failed: bad data (never retried), I/O (retried), or the job itself (e.g. its scan is gone). */
export type FailureKind = 'invalid-data' | 'io' | 'job';

export class WorkerMetrics {
  readonly registry = new Registry();
  private readonly phaseSeconds: Histogram;
  private readonly filesWritten: Counter;
  private readonly failures: Counter;
  private readonly validationErrors: Counter;
  private readonly validationWarnings: Counter;
  private readonly threadsBusy: Gauge;

  constructor(threads: number) {
    const registers = [this.registry];
    this.phaseSeconds = new Histogram({
      name: WORKER_METRICS.phaseSeconds,
      help: 'Time of each phase of a file: load, build, write, fsync, digest, validate, handoff, record, total.',
      labelNames: ['phase'],
      buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
      registers,
    });
    this.filesWritten = new Counter({
      name: WORKER_METRICS.filesWritten,
      help: 'NeXus files written and recorded.',
      registers,
    });
    this.failures = new Counter({
      name: WORKER_METRICS.failures,
      help: 'Write attempts that failed, by kind: invalid-data (not retried), io (retried), job.',
      labelNames: ['kind'],
      registers,
    });
    this.validationErrors = new Counter({
      name: WORKER_METRICS.validationErrors,
      help: 'Validation errors in written files, by application definition ("none" without one).',
      labelNames: ['definition'],
      registers,
    });
    this.validationWarnings = new Counter({
      name: WORKER_METRICS.validationWarnings,
      help: 'Validation warnings in written files, by application definition.',
      labelNames: ['definition'],
      registers,
    });
    new Gauge({
      name: WORKER_METRICS.threads,
      help: 'Writer threads of this worker (WORKER_CONCURRENCY).',
      registers,
    }).set(threads);
    this.threadsBusy = new Gauge({
      name: WORKER_METRICS.threadsBusy,
      help: 'Writer threads building, writing or validating a file (or a report) now.',
      registers,
    });
    this.threadsBusy.set(0);
    this.filesWritten.inc(0);
    for (const kind of ['invalid-data', 'io', 'job'] satisfies FailureKind[])
      this.failures.inc({ kind }, 0);
    collectProcessMetricsOnce(this.registry);
  }

  /** One file written: its phases (ms, as filePhases gives them) and its validation. */
  written(phasesMs: Record<string, number>, validation: ScanValidation): void {
    this.filesWritten.inc();
    for (const [phase, ms] of Object.entries(phasesMs))
      this.phaseSeconds.observe({ phase }, ms / 1000);
    const definition = validation.definition ?? 'none';
    this.validationErrors.inc({ definition }, validation.errors);
    this.validationWarnings.inc({ definition }, validation.warnings);
  }

  failed(kind: FailureKind): void {
    this.failures.inc({ kind });
  }

  /** Runs `work` counted as one busy writer thread. */
  async busy<T>(work: () => Promise<T>): Promise<T> {
    this.threadsBusy.inc();
    try {
      return await work();
    } finally {
      this.threadsBusy.dec();
    }
  }

  /** The text Prometheus scrapes. */
  render(): Promise<string> {
    return this.registry.metrics();
  }
}
