/** Timing helpers for benchmark scripts: medians and percentiles, never a single run. */
export interface Timing {
  median: number;
  p95: number;
  runs: number[];
}

export function summarise(samples: readonly number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (share: number) => sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? NaN;
  return { median: median(sorted), p95: at(0.95), runs: [...samples] };
}

export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? NaN) : ((sorted[middle - 1] ?? NaN) + (sorted[middle] ?? NaN)) / 2;
}

/** Milliseconds per call of `work`, after `warmup` calls that are not counted (plan caches, JIT). */
export async function timeCalls(work: () => Promise<unknown>, { warmup = 3, runs = 21 } = {}): Promise<Timing> {
  for (let i = 0; i < warmup; i += 1) await work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  return summarise(samples);
}

/**
 * CPU ms of this process per call, the calls made one after another. Whatever each call needs
 * (tokens, bodies) is prepared by the caller before, so only the calls are on the clock.
 */
export async function cpuMsPerCall(calls: readonly (() => Promise<unknown>)[]): Promise<number> {
  const started = process.cpuUsage();
  for (const call of calls) await call();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000 / calls.length;
}

export function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`;
}
