/** How the worker logs: one JSON line per message, with optional fields of its own. */
export type WorkerLog = (
  level: 'info' | 'warn' | 'error',
  msg: string,
  fields?: Record<string, unknown>,
) => void;
