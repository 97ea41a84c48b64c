/**
 * The one place that reads the environment. Every setting is validated at
 * start; a bad value stops the process with a message naming the variable.
 */
import path from 'node:path';
import { canonicalBeamline } from '#libs/model/src/rules/identifiers.js';
import { parseCompression, type Compression } from '#libs/nexus/src/compression.js';

export interface AppConfig {
  /** HTTP port of the gateway. `PORT`, default 3000. */
  port: number;
  /** Address the gateway binds. `HOST`, default 127.0.0.1 (set 0.0.0.0 in containers). */
  host: string;
  /** Redis connection URL. `REDIS_URL`, required (the start script provides an embedded one). */
  redisUrl: string;
  /** Prefix of every Redis key and BullMQ queue; lets several deployments or test files share one Redis. `QUEUE_PREFIX`, default "assonant". */
  keyPrefix: string;
  /** Where scan files are written: `<dataRoot>/<beamline>/<proposal>/<scanId>.nxs`. `DATA_ROOT`, default ./var/data. */
  dataRoot: string;
  /** Largest accepted request body, bytes. `BODY_LIMIT_BYTES`, default 16 MiB. */
  bodyLimitBytes: number;
  /**
   * Most event text staged in Redis and not yet written, over all scans, bytes;
   * past it, ingest answers 429 with Retry-After. `STAGING_LIMIT_BYTES`, default 1 GiB.
   */
  stagingLimitBytes: number;
  /**
   * Most event text one beamline may have staged and not yet written, bytes;
   * past it, that beamline's ingest answers 429 while others go on. Checked
   * together with the global limit. `STAGING_LIMIT_PER_BEAMLINE_BYTES`,
   * default a quarter of STAGING_LIMIT_BYTES.
   */
  stagingLimitPerBeamlineBytes: number;
  /**
   * How long a scan may stay open, seconds; then the worker's sweep ends it as
   * OPEN_SCAN_EXPIRY says, so a forgotten scan cannot hold its staged bytes
   * for ever. `OPEN_SCAN_MAX_AGE_S`, default 172800 (48 h).
   */
  openScanMaxAgeS: number;
  /**
   * What the sweep does with a scan open too long: `close` writes it as if
   * closed (its status then warns that expiry closed it); `expire` marks it
   * `expired` with the reason and drops its events. `OPEN_SCAN_EXPIRY`,
   * default "close".
   */
  openScanExpiry: 'close' | 'expire';
  /** How often each worker sweeps for scans open too long, ms. `OPEN_SCAN_SWEEP_INTERVAL_MS`, default 60000. */
  openScanSweepIntervalMs: number;
  /**
   * Longest `GET /v1/scans/{scanId}/report` waits for a worker to build the
   * dry run, ms; past it the answer is 503 and the report job is dropped.
   * It waits at most nine tenths of IDLE_TIMEOUT_MS, which would cut the
   * silent socket first. `REPORT_TIMEOUT_MS`, default 20000.
   */
  reportTimeoutMs: number;
  /**
   * Largest beamline schema accepted by `PUT /v1/beamlines/{beamline}/schema`
   * (CSV or JSON rows), bytes; a real `metadata.csv` is tens of kilobytes.
   * `SCHEMA_LIMIT_BYTES`, default 4 MiB.
   */
  schemaLimitBytes: number;
  /** Largest HDF5 file accepted by `POST /v1/validate`, bytes. `UPLOAD_LIMIT_BYTES`, default 4 GiB. */
  uploadLimitBytes: number;
  /**
   * Where `POST /v1/validate` spools an upload while it is validated; emptied at
   * gateway start, and each file is removed when its request ends, however it
   * ends. `SPOOL_DIR`, default ./var/spool.
   */
  spoolDir: string;
  /**
   * Longest time one uploaded file may take to validate, ms; past it the
   * validator process is killed and the request gets a 422.
   * `VALIDATE_TIMEOUT_MS`, default 30000.
   */
  validateTimeoutMs: number;
  /**
   * Most resident memory (V8 heap plus WebAssembly) of one validator process,
   * MiB; past it the process is killed and the request gets a 422.
   * `VALIDATE_MEMORY_MB`, default 1024.
   */
  validateMemoryMb: number;
  /**
   * Validator processes, kept warm; also the number of uploads validated at
   * once: past it `POST /v1/validate` answers 429 with Retry-After (there is
   * no queue). `VALIDATE_PROCESSES`, default 2.
   */
  validateProcesses: number;
  /** How long a Redis command may take before the gateway answers 503, ms. `REDIS_COMMAND_TIMEOUT_MS`, default 1500. */
  redisCommandTimeoutMs: number;
  /**
   * Write jobs one worker process runs at once, and so its writer threads
   * (kept warm, h5wasm loaded once each). `WORKER_CONCURRENCY`, default 1.
   */
  workerConcurrency: number;
  /**
   * Most JavaScript heap of one writer thread, MiB. A file that needs more ends
   * its thread (another takes its place) instead of the worker process, and
   * its write is retried with the reason in the scan's status.
   * `WRITE_THREAD_MEMORY_MB`, default 2048.
   */
  writeThreadMemoryMb: number;
  /**
   * How long a worker's hold on a write job lasts without renewal, ms; a worker
   * that died loses its job to another after about this long.
   * `WRITE_LOCK_MS`, default 30000.
   */
  writeLockMs: number;
  /** Attempts of a write job before the scan is marked failed. `WRITE_ATTEMPTS`, default 5. */
  writeAttempts: number;
  /**
   * Port of a worker process's own HTTP server: `/metrics` (Prometheus) and
   * `/health`. Each worker needs its own; `npm start` gives worker n the port
   * `WORKER_HTTP_PORT + n - 1`. 0 picks a free port (logged at start).
   * `WORKER_HTTP_PORT`, default 9464.
   */
  workerHttpPort: number;
  /** Address the worker's HTTP server binds. `WORKER_HTTP_HOST`, default 127.0.0.1. */
  workerHttpHost: string;
  /** Largest array taken by `POST /v1/scans/{scanId}/arrays` (else 413). `ARRAY_LIMIT_BYTES`, default 8 GiB. */
  arrayLimitBytes: number;
  /**
   * Where uploaded arrays wait, one folder per scan, until the scan's file is
   * written; on the data file system, so the writer reads them at disk speed.
   * `ARRAY_SPOOL_DIR`, default `var/arrays`.
   */
  arraySpoolDir: string;
  /**
   * How large datasets are compressed: gzip (readable everywhere), bslz4
   * (bitshuffle + LZ4), lz4, zstd or none; gzip and zstd take a level
   * (`gzip:6`, `zstd:9`). An upload may ask for its own (`?compression=`).
   * `ARRAY_COMPRESSION`, default `gzip:4`.
   */
  arrayCompression: Compression;
  /**
   * Per-beamline choices over ARRAY_COMPRESSION, `MOGNO=bslz4,CARNAUBA=zstd:5`.
   * `ARRAY_COMPRESSION_BY_BEAMLINE`, default none.
   */
  arrayCompressionByBeamline: Record<string, Compression>;
  /**
   * Numeric datasets (uploaded or sent as JSON) of at least this many bytes
   * are chunked (a frame, or about 1 MiB, per chunk) and compressed.
   * `ARRAY_CHUNK_ABOVE_BYTES`, default 1 MiB.
   */
  arrayChunkAboveBytes: number;
  /** Attempts of one webhook delivery before it is logged failed. `WEBHOOK_ATTEMPTS`, default 10. */
  webhookAttempts: number;
  /**
   * Delay before a webhook delivery's first retry, ms; it doubles with each
   * attempt (with 20% jitter). `WEBHOOK_BACKOFF_MS`, default 2000.
   */
  webhookBackoffMs: number;
  /** pino log level. `LOG_LEVEL`, default "info". */
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /**
   * Directory of per-beamline template overrides (`<BEAMLINE>.json`), read by
   * the worker. `BEAMLINE_OVERRIDES_DIR`, default ./config/beamlines.
   */
  beamlineOverridesDir: string;
  /**
   * JSON file of API keys (hashes and scopes). Set: every API call needs a key.
   * Unset: no authentication, as fits the embedded single-user default.
   * `API_KEYS_FILE`, default unset.
   */
  apiKeysFile?: string;
  /**
   * Lets the gateway serve without API keys on an address other than loopback.
   * Without it, such a gateway refuses to start: anyone who can reach the port
   * could write and read every beamline's scans. `ALLOW_ANONYMOUS`, default false.
   */
  allowAnonymous: boolean;
  /**
   * Longest time to receive one whole request, headers and body, ms; a slower
   * client gets 408 and its connection closed. Bounds how long a trickling
   * body holds a socket. `REQUEST_TIMEOUT_MS`, default 300000 (5 minutes: a
   * 4 GiB upload at 200 Mbit/s).
   */
  requestTimeoutMs: number;
  /**
   * Longest silence on a connection, ms, both mid-request and between
   * keep-alive requests; then the socket is closed. `IDLE_TIMEOUT_MS`, default 30000.
   */
  idleTimeoutMs: number;
}

/**
 * Exit status of a process stopped by its configuration (EX_CONFIG of
 * sysexits.h): a supervisor does not restart it, as it would fail the same way.
 */
export const CONFIG_ERROR_EXIT_CODE = 78;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const OPEN_SCAN_EXPIRIES = ['close', 'expire'] as const;

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const read = new EnvReader(env, problems);
  const config: AppConfig = {
    port: read.integer('PORT', 3000, 0, 65535),
    host: read.string('HOST', '127.0.0.1'),
    redisUrl: read.redisUrl('REDIS_URL'),
    keyPrefix: read.pattern('QUEUE_PREFIX', 'assonant', /^[A-Za-z0-9_-]{1,64}$/),
    dataRoot: path.resolve(read.string('DATA_ROOT', 'var/data')),
    bodyLimitBytes: read.integer('BODY_LIMIT_BYTES', 16 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    stagingLimitBytes: read.integer('STAGING_LIMIT_BYTES', 1024 ** 3, 1024, 1024 ** 4),
    stagingLimitPerBeamlineBytes: 0,
    openScanMaxAgeS: read.integer('OPEN_SCAN_MAX_AGE_S', 172_800, 1, 10 * 365 * 86_400),
    openScanExpiry: read.oneOf('OPEN_SCAN_EXPIRY', 'close', OPEN_SCAN_EXPIRIES),
    openScanSweepIntervalMs: read.integer('OPEN_SCAN_SWEEP_INTERVAL_MS', 60_000, 100, 86_400_000),
    reportTimeoutMs: read.integer('REPORT_TIMEOUT_MS', 20_000, 100, 600_000),
    schemaLimitBytes: read.integer('SCHEMA_LIMIT_BYTES', 4 * 1024 ** 2, 1024, 1024 ** 3),
    uploadLimitBytes: read.integer('UPLOAD_LIMIT_BYTES', 4 * 1024 ** 3, 1024, 1024 ** 4),
    spoolDir: path.resolve(read.string('SPOOL_DIR', 'var/spool')),
    validateTimeoutMs: read.integer('VALIDATE_TIMEOUT_MS', 30_000, 100, 3_600_000),
    validateMemoryMb: read.integer('VALIDATE_MEMORY_MB', 1024, 64, 65_536),
    validateProcesses: read.integer('VALIDATE_PROCESSES', 2, 1, 64),
    redisCommandTimeoutMs: read.integer('REDIS_COMMAND_TIMEOUT_MS', 1500, 50, 60_000),
    workerConcurrency: read.integer('WORKER_CONCURRENCY', 1, 1, 64),
    writeThreadMemoryMb: read.integer('WRITE_THREAD_MEMORY_MB', 2048, 32, 65_536),
    writeAttempts: read.integer('WRITE_ATTEMPTS', 5, 1, 100),
    workerHttpPort: read.integer('WORKER_HTTP_PORT', 9464, 0, 65535),
    workerHttpHost: read.string('WORKER_HTTP_HOST', '127.0.0.1'),
    arrayLimitBytes: read.integer('ARRAY_LIMIT_BYTES', 8 * 1024 ** 3, 1, 1024 ** 4),
    arraySpoolDir: path.resolve(read.string('ARRAY_SPOOL_DIR', 'var/arrays')),
    arrayCompression: read.compression('ARRAY_COMPRESSION', 'gzip:4'),
    arrayCompressionByBeamline: read.compressionByBeamline('ARRAY_COMPRESSION_BY_BEAMLINE'),
    arrayChunkAboveBytes: read.integer('ARRAY_CHUNK_ABOVE_BYTES', 1024 * 1024, 1, 1024 ** 4),
    webhookAttempts: read.integer('WEBHOOK_ATTEMPTS', 10, 1, 100),
    webhookBackoffMs: read.integer('WEBHOOK_BACKOFF_MS', 2000, 10, 3_600_000),
    writeLockMs: read.integer('WRITE_LOCK_MS', 30_000, 1000, 600_000),
    logLevel: read.oneOf('LOG_LEVEL', 'info', LOG_LEVELS),
    beamlineOverridesDir: path.resolve(read.string('BEAMLINE_OVERRIDES_DIR', 'config/beamlines')),
    allowAnonymous: read.oneOf('ALLOW_ANONYMOUS', 'false', ['true', 'false']) === 'true',
    requestTimeoutMs: read.integer('REQUEST_TIMEOUT_MS', 300_000, 100, 86_400_000),
    idleTimeoutMs: read.integer('IDLE_TIMEOUT_MS', 30_000, 100, 3_600_000),
  };
  config.stagingLimitPerBeamlineBytes = read.integer(
    'STAGING_LIMIT_PER_BEAMLINE_BYTES',
    Math.floor(config.stagingLimitBytes / 4),
    256,
    1024 ** 4,
  );
  const apiKeysFile = read.string('API_KEYS_FILE', '');
  if (apiKeysFile !== '') config.apiKeysFile = path.resolve(apiKeysFile);
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

class EnvReader {
  constructor(
    private readonly env: Env,
    private readonly problems: string[],
  ) {}

  string(name: string, fallback: string): string {
    const raw = this.env[name];
    return raw === undefined || raw === '' ? fallback : raw;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const raw = this.env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      this.problems.push(`${name}=${raw}: expected a whole number from ${min} to ${max}`);
      return fallback;
    }
    return value;
  }

  compression(name: string, fallback: string): Compression {
    const raw = this.string(name, fallback);
    const parsed = parseCompression(raw);
    if (!('problem' in parsed)) return parsed;
    this.problems.push(`${name}=${raw}: ${parsed.problem}`);
    return parseCompression(fallback) as Compression;
  }

  compressionByBeamline(name: string): Record<string, Compression> {
    const choices: Record<string, Compression> = {};
    for (const pair of this.string(name, '')
      .split(',')
      .filter((p) => p.trim() !== '')) {
      const [beamline = '', choice = ''] = pair.split('=').map((part) => part.trim());
      const parsed = parseCompression(choice);
      if (beamline === '' || 'problem' in parsed) {
        const why = 'problem' in parsed ? parsed.problem : 'no beamline before "="';
        this.problems.push(`${name}: "${pair}": ${why} (expected BEAMLINE=choice,…)`);
        continue;
      }
      choices[canonicalBeamline(beamline)] = parsed;
    }
    return choices;
  }

  pattern(name: string, fallback: string, rule: RegExp): string {
    const value = this.string(name, fallback);
    if (!rule.test(value)) this.problems.push(`${name}=${value}: must match ${rule.source}`);
    return value;
  }

  oneOf<T extends string>(name: string, fallback: T, allowed: readonly T[]): T {
    const value = this.string(name, fallback);
    if ((allowed as readonly string[]).includes(value)) return value as T;
    this.problems.push(`${name}=${value}: expected one of ${allowed.join(', ')}`);
    return fallback;
  }

  redisUrl(name: string): string {
    const value = this.env[name];
    if (value === undefined || value === '') {
      this.problems.push(`${name} is not set (npm start runs an embedded Redis and sets it)`);
      return '';
    }
    try {
      const url = new URL(value);
      if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') throw new Error('protocol');
    } catch {
      // The URL may hold a password: never echo it.
      this.problems.push(`${name}: expected redis://[user:password@]host:port[/db]`);
    }
    return value;
  }
}

/** Settings of `npm start`'s launcher (scripts/serve.ts). */
export interface LauncherConfig {
  /** External Redis; when unset the launcher runs a private redis-server. `REDIS_URL`. */
  redisUrl?: string;
  /** Port of the private redis-server; away from a system Redis's 6379. `EMBEDDED_REDIS_PORT`, default 6390. */
  embeddedRedisPort: number;
  /** Data directory of the private redis-server. `EMBEDDED_REDIS_DIR`, default ./var/redis. */
  embeddedRedisDir: string;
  /** Worker processes to start. `WORKERS`, default 1. */
  workers: number;
}

export function loadLauncherConfig(env: Env = process.env): LauncherConfig {
  const problems: string[] = [];
  const read = new EnvReader(env, problems);
  const redisUrl =
    env.REDIS_URL !== undefined && env.REDIS_URL !== '' ? read.redisUrl('REDIS_URL') : undefined;
  const config: LauncherConfig = {
    ...(redisUrl !== undefined ? { redisUrl } : {}),
    embeddedRedisPort: read.integer('EMBEDDED_REDIS_PORT', 6390, 1, 65535),
    embeddedRedisDir: path.resolve(read.string('EMBEDDED_REDIS_DIR', 'var/redis')),
    workers: read.integer('WORKERS', 1, 0, 64),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
