/**
 * A quantile of a Prometheus histogram, read from a `/metrics` text: the upper bound of the first
 * bucket that holds the quantile's share of all observations (what `histogram_quantile` would
 * interpolate toward), summed over every label set of the metric. Null when nothing was observed.
 */
export function histogramQuantile(metricsText: string, metric: string, quantile: number): number | null {
  const buckets = new Map<number, number>();
  const pattern = new RegExp(`^${metric}_bucket\\{[^}]*le="([^"]+)"[^}]*\\} (\\S+)$`, 'gm');
  for (const [, bound, value] of metricsText.matchAll(pattern)) {
    const le = bound === '+Inf' ? Infinity : Number(bound);
    buckets.set(le, (buckets.get(le) ?? 0) + Number(value));
  }
  const sorted = [...buckets.entries()].sort(([a], [b]) => a - b);
  const total = sorted.at(-1)?.[1] ?? 0;
  if (total === 0) return null;
  const wanted = total * quantile;
  return sorted.find(([, cumulative]) => cumulative >= wanted)?.[0] ?? null;
}
