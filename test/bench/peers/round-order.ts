/**
 * The order systems run in each round: a Williams design. Each system runs once a round and, over
 * as many rounds as systems, in every place once (the machine warms up over a run: caches, the
 * JIT), and no system always runs right after the same one. A window inherits what the one before
 * left behind (after the audited floor, PostgreSQL still has its appends' pages to write out); with
 * rounds that merely start one system later, the cyclic order never changes and J, listed first,
 * followed the audited floor in every round but the first.
 *
 * Row r runs the systems at offsets 0, 1, −1, 2, −2, … from r. With an even count each system
 * follows each other exactly once in as many rounds; with an odd count, each follows at most two
 * others, twice, and the mirrored rows that come next even it out.
 */
export function roundOrder<T>(systems: readonly T[], round: number): T[] {
  const count = systems.length;
  const square = Math.floor(round / count) % 2 === 1 && count % 2 === 1 ? 'mirrored' : 'plain';
  const row = round % count;
  const offsets = systems.map((_, place) => (place % 2 === 1 ? (place + 1) / 2 : count - place / 2) % count);
  const order = offsets.map((offset) => systems[(offset + row) % count]!);
  return square === 'mirrored' ? order.reverse() : order;
}
