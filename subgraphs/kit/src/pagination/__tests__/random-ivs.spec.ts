import { describe, expect, it } from 'vitest';
import { randomIvs } from '../random-ivs';

describe('random initialisation vectors', () => {
  it('are of the size asked for and never repeat, across the draws that refill them', () => {
    const next = randomIvs(12);
    const seen = new Set<string>();
    for (let i = 0; i < 1_000; i += 1) {
      const iv = next();
      expect(iv.length).toBe(12);
      seen.add(iv.toString('hex'));
    }
    expect(seen.size).toBe(1_000);
  });

  it('are not shared between two sources', () => {
    const first = randomIvs(12)();
    expect(randomIvs(12)().equals(first)).toBe(false);
  });
});
