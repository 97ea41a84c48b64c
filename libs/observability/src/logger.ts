/**
 * One logging setup for every process (pino): one JSON line per message with
 * the same fields everywhere — `level` (a name), `time` (ISO 8601),
 * `service`, `pid`, `hostname`, `msg` — and `requestId` wherever a request is
 * known: in the gateway's lines of that request and in the worker's lines of
 * the job it queued. So one `grep <requestId>` follows a scan from HTTP to
 * its file.
 */
import { hostname } from 'node:os';
import { pino, type DestinationStream, type Logger } from 'pino';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** The field that carries a request's id, in every process's lines. */
export const REQUEST_ID_FIELD = 'requestId';

export function createLogger(
  options: { service: 'gateway' | 'worker'; level: LogLevel },
  destination?: DestinationStream,
): Logger {
  const settings = {
    level: options.level,
    base: { service: options.service, pid: process.pid, hostname: hostname() },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
  };
  return destination === undefined ? pino(settings) : pino(settings, destination);
}
