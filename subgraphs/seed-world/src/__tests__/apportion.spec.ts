import { describe, expect, it } from 'vitest';

import { apportion } from '../apportion';

describe('apportion', () => {
  it('splits a total exactly in proportion to the weights', () => {
    expect(apportion(10, [1, 1, 2])).toEqual([3, 2, 5]);
    expect(apportion(18_000, [1, 2, 3]).reduce((a, b) => a + b, 0)).toBe(18_000);
  });

  it('hands the leftover units to the largest remainders, earlier index on ties', () => {
    expect(apportion(2, [1, 1, 1])).toEqual([1, 1, 0]);
    expect(apportion(7, [0.2, 0.5, 0.3])).toEqual([1, 4, 2]);
  });

  it('fits large Rupiah totals exactly', () => {
    const amounts = Array.from({ length: 1_000 }, (_, i) => 10_000_000 + i * 12_345);
    const fitted = apportion(490_200_000_000, amounts);
    expect(fitted.reduce((a, b) => a + b, 0)).toBe(490_200_000_000);
  });

  it('gives zeros for a zero total and refuses impossible splits', () => {
    expect(apportion(0, [0, 0])).toEqual([0, 0]);
    expect(() => apportion(3, [0, 0])).toThrow(RangeError);
    expect(() => apportion(-1, [1])).toThrow(RangeError);
    expect(() => apportion(1.5, [1])).toThrow(RangeError);
  });
});
