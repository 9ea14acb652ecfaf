import { describe, expect, it } from 'vitest';
import { tokenLifetimeProblem } from '../token-lifetime';

const NOW = 1_700_000_000;
const HOUR = 3600;
const rules = { clockSkewSeconds: 30, maxLifetimeSeconds: 12 * HOUR };
const problemOf = (claims: Record<string, unknown>) => tokenLifetimeProblem({ sub: 'siti', ...claims }, rules, NOW);

describe('token lifetime', () => {
  it('accepts an ordinary token, and one exactly as long as the maximum', () => {
    expect(problemOf({ iat: NOW - 60, exp: NOW + HOUR })).toBeUndefined();
    expect(problemOf({ iat: NOW, exp: NOW + rules.maxLifetimeSeconds })).toBeUndefined();
  });

  it('refuses a token issued in the future beyond the clock skew, and tolerates one within it', () => {
    expect(problemOf({ iat: NOW + 24 * HOUR, exp: NOW + 25 * HOUR })).toMatch(/"iat".*future/);
    expect(problemOf({ iat: NOW + rules.clockSkewSeconds + 1, exp: NOW + HOUR })).toMatch(/"iat".*future/);
    expect(problemOf({ iat: NOW + rules.clockSkewSeconds, exp: NOW + HOUR })).toBeUndefined();
  });

  it('refuses a lifetime above the maximum: a second more, or a hundred years', () => {
    expect(problemOf({ iat: NOW, exp: NOW + rules.maxLifetimeSeconds + 1 })).toMatch(/lifetime/);
    expect(problemOf({ iat: NOW, exp: NOW + 100 * 365 * 24 * HOUR })).toMatch(/lifetime/);
  });

  it('without iat, refuses an exp further away than the maximum (and the skew), accepts a nearer one', () => {
    expect(problemOf({ exp: NOW + 100 * 365 * 24 * HOUR })).toMatch(/without "iat"/);
    expect(problemOf({ exp: NOW + rules.maxLifetimeSeconds + rules.clockSkewSeconds + 1 })).toMatch(/without "iat"/);
    expect(problemOf({ exp: NOW + HOUR })).toBeUndefined();
  });

  it('refuses an empty or blank subject', () => {
    expect(problemOf({ sub: '', iat: NOW, exp: NOW + HOUR })).toMatch(/"sub"/);
    expect(problemOf({ sub: '   ', iat: NOW, exp: NOW + HOUR })).toMatch(/"sub"/);
  });
});
