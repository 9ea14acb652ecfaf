import { describe, expect, it } from 'vitest';
import { backoffCeilingMs, jitteredBackoffMs, parseRetryAfterMs } from '../retry-delay';

const settings = { retryBaseDelayMs: 100, retryMaxDelayMs: 1000 };

describe('exponential backoff with full jitter', () => {
  it('doubles the ceiling per retry up to the maximum', () => {
    expect([1, 2, 3, 4, 5, 6].map((retry) => backoffCeilingMs(retry, settings))).toEqual([
      100, 200, 400, 800, 1000, 1000,
    ]);
  });

  it('pauses between zero and the ceiling, never on it', () => {
    expect(jitteredBackoffMs(3, settings, () => 0)).toBe(0);
    expect(jitteredBackoffMs(3, settings, () => 0.5)).toBe(200);
    expect(jitteredBackoffMs(3, settings, () => 0.999_999)).toBe(399);
  });

  it('spreads real random pauses over the whole range', () => {
    for (const retry of [1, 2, 3, 4, 5]) {
      const ceiling = backoffCeilingMs(retry, settings);
      const pauses = Array.from({ length: 2000 }, () => jitteredBackoffMs(retry, settings));
      expect(Math.min(...pauses)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...pauses)).toBeLessThan(ceiling);
      // Both halves of the range are used: the pauses are not bunched at one instant.
      expect(pauses.filter((pause) => pause < ceiling / 2).length).toBeGreaterThan(700);
      expect(pauses.filter((pause) => pause >= ceiling / 2).length).toBeGreaterThan(700);
    }
  });
});

describe('parseRetryAfterMs', () => {
  const now = Date.parse('2016-03-01T08:00:00Z');

  it('reads delta-seconds and HTTP dates', () => {
    expect(parseRetryAfterMs('0', now)).toBe(0);
    expect(parseRetryAfterMs(' 3 ', now)).toBe(3000);
    expect(parseRetryAfterMs('Tue, 01 Mar 2016 08:00:05 GMT', now)).toBe(5000);
  });

  it('treats a date in the past as now, and nonsense or absence as no hint', () => {
    expect(parseRetryAfterMs('Tue, 01 Mar 2016 07:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfterMs('soon', now)).toBeUndefined();
    expect(parseRetryAfterMs('-5', now)).toBeUndefined();
    expect(parseRetryAfterMs(undefined, now)).toBeUndefined();
    expect(parseRetryAfterMs(null, now)).toBeUndefined();
  });
});
