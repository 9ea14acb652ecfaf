import type { JWTPayload } from 'jose';

/**
 * Twelve hours: a working day and its overtime. An identity provider issues user tokens for
 * minutes to hours; one that lives for days is either misconfigured or forged with a stolen key,
 * and a leaked one would keep opening personal data for as long as it says.
 */
export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 12 * 60 * 60;

export interface TokenLifetimeRules {
  /** Tolerance for clocks that disagree, as for `exp` and `nbf`. */
  clockSkewSeconds: number;
  maxLifetimeSeconds: number;
}

/**
 * Why a signed, unexpired token must still be refused, or undefined when it may be used:
 * - `sub` must name someone: an empty subject would be audited as nobody;
 * - `iat` must not be in the future (beyond the clock skew): a token "issued tomorrow" is made
 *   to outlive any lifetime check;
 * - its lifetime must not exceed the maximum: `exp - iat` when it says when it was issued, and
 *   without `iat`, the time it has left (`exp - now`), so no token is usable for longer than
 *   the maximum from any moment the gateway sees it.
 * jose checks none of these: it requires `iat` in the past only when given a maximum age, and
 * then takes the age from `iat` alone.
 */
export function tokenLifetimeProblem(
  payload: JWTPayload,
  rules: TokenLifetimeRules,
  nowSeconds: number = Math.floor(Date.now() / 1000),
): string | undefined {
  if (typeof payload.sub !== 'string' || payload.sub.trim() === '') return '"sub" claim is empty';
  const { exp, iat } = payload;
  if (typeof exp !== 'number') return '"exp" claim is missing';
  if (iat === undefined) {
    if (exp - nowSeconds > rules.maxLifetimeSeconds + rules.clockSkewSeconds) {
      return `"exp" claim without "iat" is more than ${rules.maxLifetimeSeconds} s away`;
    }
    return undefined;
  }
  if (iat > nowSeconds + rules.clockSkewSeconds) return '"iat" claim is in the future';
  if (exp - iat > rules.maxLifetimeSeconds) {
    return `token lifetime of ${exp - iat} s exceeds the maximum of ${rules.maxLifetimeSeconds} s`;
  }
  return undefined;
}
