/**
 * How the worker logs: through the one pino setup (libs/observability), one
 * JSON line per message with optional fields of its own.
 */
import type { Logger } from 'pino';

export type WorkerLog = (
  level: 'info' | 'warn' | 'error',
  msg: string,
  fields?: Record<string, unknown>,
) => void;

export function workerLogOf(logger: Logger): WorkerLog {
  return (level, msg, fields) => logger[level](fields ?? {}, msg);
}

/** The same log with fields on every line, e.g. a job's scanId and requestId. */
export function withFields(log: WorkerLog, fields: Record<string, unknown>): WorkerLog {
  return (level, msg, more) => log(level, msg, { ...fields, ...more });
}
