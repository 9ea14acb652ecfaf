import { describe, expect, it } from 'vitest';
import { roundOrder } from './bench/peers/round-order';

const followers = (rounds: string[][]) => {
  const counts = new Map<string, number>();
  for (const order of rounds)
    for (let place = 1; place < order.length; place += 1) {
      const pair = `${order[place - 1]}→${order[place]}`;
      counts.set(pair, (counts.get(pair) ?? 0) + 1);
    }
  return counts;
};

const roundsOf = (systems: string[], count: number) =>
  Array.from({ length: count }, (_, round) => roundOrder(systems, round));

describe("bench:peers' order of systems in a round", () => {
  it.each([2, 3, 4, 5, 6])('runs each of %i systems once a round and in every place once', (count) => {
    const systems = Array.from({ length: count }, (_, index) => `S${index}`);
    const rounds = roundsOf(systems, count);
    for (const order of rounds) expect([...order].sort()).toEqual(systems);
    for (let place = 0; place < count; place += 1)
      expect(new Set(rounds.map((order) => order[place])).size).toBe(count);
  });

  it('lets each of an even count of systems follow every other exactly once', () => {
    const counts = followers(roundsOf(['J', 'A', 'H', 'SQL'], 4));
    expect(counts.size).toBe(12);
    expect([...counts.values()].every((times) => times === 1)).toBe(true);
  });

  it('never lets J follow the same system in most rounds, as the rotating order did', () => {
    const systems = ['J', 'A', 'H', 'SQL', 'SQL+audit'];
    const counts = followers(roundsOf(systems, 5));
    expect(Math.max(...counts.values())).toBe(2);
    // Ten rounds (the square and its mirror) balance an odd count: every pair twice.
    const balanced = followers(roundsOf(systems, 10));
    expect(balanced.size).toBe(20);
    expect([...balanced.values()].every((times) => times === 2)).toBe(true);
  });
});
