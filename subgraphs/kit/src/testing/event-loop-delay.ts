import { monitorEventLoopDelay } from 'node:perf_hooks';

/**
 * Watches how late this process's event loop runs while a test measures something on it. A
 * server and its test client in one process share the loop: a timer the server set (Node's
 * sweep of timed-out connections, say) and the client's view of its effect both come that much
 * later on a busy machine, so a time bound must allow for what this reports.
 */
export function watchEventLoopDelay(): { maxMs(): number; stop(): void } {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  return {
    maxMs: () => histogram.max / 1e6,
    stop: () => histogram.disable(),
  };
}
