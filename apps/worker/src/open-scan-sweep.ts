/**
 * Ends scans left open longer than OPEN_SCAN_MAX_AGE_S, so a forgotten scan
 * cannot hold its staged bytes for ever. Each worker sweeps on its own timer;
 * the store's script makes sure each scan is ended once, and queueing the
 * write of a scan that expiry closed is idempotent (one job id per scan).
 */
import type { ScanArrays } from '#libs/arrays/src/index.js';
import type { AppConfig } from '#libs/config/src/index.js';
import type { WriteJobQueue } from '#libs/queue-contracts/src/index.js';
import type { OpenScans } from '#libs/staging/src/index.js';

/** Scans handled per Redis round trip; a sweep goes on until none is left. */
const BATCH = 100;

export interface OpenScanSweep {
  /** Stops the timer and waits for a sweep in progress. */
  stop(): Promise<void>;
}

type Log = (level: 'info' | 'warn' | 'error', msg: string) => void;

export function startOpenScanSweep(
  openScans: OpenScans,
  jobs: WriteJobQueue,
  config: AppConfig,
  log: Log,
  arrays: Pick<ScanArrays, 'removeScan'>,
): OpenScanSweep {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const schedule = (): void => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = sweepOnce(openScans, jobs, config, log, arrays)
        .catch((error: unknown) => log('warn', `open-scan sweep failed: ${String(error)}`))
        .finally(schedule);
    }, config.openScanSweepIntervalMs);
  };
  // Scans opened before this deployment tracked open scans join the sweep.
  running = openScans
    .trackUntracked()
    .then((added) => {
      if (added > 0) log('info', `open-scan sweep: now tracking ${added} scans opened earlier`);
    })
    .catch((error: unknown) => log('warn', `open-scan tracking failed: ${String(error)}`))
    .finally(schedule);
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}

/** One sweep: every scan opened before the cutoff is closed or expired. */
export async function sweepOnce(
  openScans: OpenScans,
  jobs: WriteJobQueue,
  config: AppConfig,
  log: Log,
  /** An expired scan's uploaded arrays go with its events; a closed one's go once it is written. */
  arrays: Pick<ScanArrays, 'removeScan'>,
): Promise<void> {
  const now = new Date();
  const cutoffMs = now.getTime() - config.openScanMaxAgeS * 1000;
  const mode = config.openScanExpiry;
  const note =
    mode === 'close'
      ? `closed by expiry: open longer than OPEN_SCAN_MAX_AGE_S (${config.openScanMaxAgeS} s) without a close`
      : `expired: open longer than OPEN_SCAN_MAX_AGE_S (${config.openScanMaxAgeS} s) without a close; its events were dropped`;
  for (;;) {
    const ids = await openScans.openedBefore(cutoffMs, BATCH);
    for (const scanId of ids) {
      const outcome = await openScans.end(scanId, mode, { now: now.toISOString(), cutoffMs }, note);
      if (outcome === 'closing') {
        await jobs.addWriteScan(scanId);
        await openScans.forget(scanId);
        log('info', `scan ${scanId} closed by expiry; its write is queued`);
      } else if (outcome === 'expired') {
        await arrays.removeScan(scanId);
        log('info', `scan ${scanId} expired`);
      }
    }
    if (ids.length < BATCH) return;
  }
}
