/**
 * Splits `total` into whole counts proportional to `weights` (largest-remainder method), so that
 * a preset's exact headcounts (18,000 PPSU, say) come out exactly however they are spread.
 * Ties go to the earlier index, which keeps the split deterministic.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (!Number.isInteger(total) || total < 0) {
    throw new RangeError(`Cannot apportion ${total}`);
  }
  if (total === 0) return weights.map(() => 0);
  if (!(sum > 0)) {
    throw new RangeError('Cannot apportion over weights that sum to zero');
  }
  const quotas = weights.map((w) => (total * w) / sum);
  const counts = quotas.map(Math.floor);
  let remaining = total - counts.reduce((a, b) => a + b, 0);
  const byRemainder = quotas
    .map((q, index) => ({ index, remainder: q - Math.floor(q) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (remaining === 0) break;
    counts[index] = (counts[index] ?? 0) + 1;
    remaining -= 1;
  }
  return counts;
}
