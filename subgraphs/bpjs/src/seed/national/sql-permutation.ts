import { streamSeed } from './sql-random';

/**
 * A bijection of [0, a·b) onto [0, a) × [0, b), as SQL expressions of the bigint `n`: three
 * Feistel rounds (add a hash of the other half, modulo the half's size), each invertible whatever
 * the hash, so distinct inputs always give distinct pairs. Serials and birth dates derived from
 * it are unique by construction and, unlike a multiplication modulo a·b, show no arithmetic
 * pattern from one row to the next.
 */
export function permutedPair(n: string, a: number, b: number, stream: string): { low: string; high: string } {
  const round = (value: string, size: number, key: number) =>
    `((hashint8extended(${value}, ${streamSeed(`${stream}/${key}`)}) & 9223372036854775807) % ${size})`;
  const low0 = `(${n} % ${a})`;
  const high0 = `(${n} / ${a})`;
  const low1 = `((${low0} + ${round(high0, a, 1)}) % ${a})`;
  const high1 = `((${high0} + ${round(low1, b, 2)}) % ${b})`;
  const low2 = `((${low1} + ${round(high1, a, 3)}) % ${a})`;
  return { low: low2, high: high1 };
}

/** A permutation of [0, a·b), for serials that must be unique but look drawn at random. */
export function permuted(n: string, a: number, b: number, stream: string): string {
  const { low, high } = permutedPair(n, a, b, stream);
  return `(${low} + ${a}::bigint * ${high})`;
}
