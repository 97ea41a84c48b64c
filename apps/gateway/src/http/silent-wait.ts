/**
 * How long a call may wait before it answers: the server cuts a socket that
 * is silent for IDLE_TIMEOUT_MS, so a waiting call answers within nine
 * tenths of it, whatever it was asked to wait.
 */
const IDLE_SHARE = 0.9;

export function silentWaitMs(idleTimeoutMs: number, wantedMs: number): number {
  return Math.min(wantedMs, Math.floor(idleTimeoutMs * IDLE_SHARE));
}
