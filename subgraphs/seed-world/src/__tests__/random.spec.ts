import { describe, expect, it } from 'vitest';

import { Random } from '../random';

const draws = (random: Random, n = 5) => Array.from({ length: n }, () => random.next());

describe('Random', () => {
  it('repeats the same sequence for the same seed', () => {
    expect(draws(Random.fromSeed('a'))).toEqual(draws(Random.fromSeed('a')));
  });

  it('gives different sequences for different seeds', () => {
    expect(draws(Random.fromSeed('a'))).not.toEqual(draws(Random.fromSeed('b')));
  });

  it('forks streams that do not depend on how much the parent was used', () => {
    const fresh = Random.fromSeed('a');
    const used = Random.fromSeed('a');
    draws(used, 100);
    expect(draws(fresh.fork('x'))).toEqual(draws(used.fork('x')));
    expect(draws(fresh.fork('x'))).not.toEqual(draws(fresh.fork('y')));
  });

  it('draws floats in [0, 1) and integers within inclusive bounds', () => {
    const random = Random.fromSeed('bounds');
    const ints = new Set<number>();
    for (let i = 0; i < 2_000; i += 1) {
      const x = random.next();
      expect(x >= 0 && x < 1).toBe(true);
      ints.add(random.int(3, 6));
    }
    expect([...ints].sort()).toEqual([3, 4, 5, 6]);
  });

  it('follows the weights roughly and never picks a zero weight', () => {
    const random = Random.fromSeed('weights');
    const picks = Array.from({ length: 4_000 }, () =>
      random.weighted([
        ['a', 3],
        ['b', 1],
        ['never', 0],
      ]),
    );
    const share = picks.filter((p) => p === 'a').length / picks.length;
    expect(share).toBeGreaterThan(0.7);
    expect(share).toBeLessThan(0.8);
    expect(picks).not.toContain('never');
  });

  it('samples distinct items and refuses to sample more than there are', () => {
    const random = Random.fromSeed('sample');
    const sample = random.sample([1, 2, 3, 4, 5, 6], 4);
    expect(new Set(sample).size).toBe(4);
    expect(() => random.sample([1, 2], 3)).toThrow(RangeError);
    expect(() => random.pick([])).toThrow(RangeError);
  });

  it('draws log-normal values around the requested median', () => {
    const random = Random.fromSeed('lognormal');
    const values = Array.from({ length: 4_001 }, () => random.logNormal(1_000, 0.5)).sort((a, b) => a - b);
    const median = values[2_000] ?? 0;
    expect(median).toBeGreaterThan(900);
    expect(median).toBeLessThan(1_100);
  });
});
