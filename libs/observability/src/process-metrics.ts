/**
 * The process's own metrics (CPU, memory, event loop lag, GC), registered
 * once per registry: a second gateway or worker in one process (the tests
 * run several) must not register them again, which prom-client refuses.
 */
import { collectDefaultMetrics, type Registry } from 'prom-client';

const collecting = new WeakSet<Registry>();

export function collectProcessMetricsOnce(registry: Registry): void {
  if (collecting.has(registry)) return;
  collecting.add(registry);
  collectDefaultMetrics({ register: registry });
}
