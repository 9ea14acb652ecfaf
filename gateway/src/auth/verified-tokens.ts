import { LRUCache } from 'lru-cache';
import type { Caller } from '@jembatan/kit/access';

/**
 * How long a verified token is trusted without checking its signature again. A key the identity
 * provider withdraws from its JWKS already keeps working until jose's copy of the JWKS is
 * refreshed (up to ten minutes); a minute more at most does not change that picture.
 */
export const VERIFIED_TOKEN_TRUST_MS = 60_000;
const MAX_REMEMBERED_TOKENS = 10_000;

/**
 * The callers of tokens verified lately, by the token's exact text (signature included), so a
 * client that sends the same token with every request pays for one signature check a minute
 * instead of one per request. An entry never outlives its token: it is dropped at `exp` plus the
 * clock skew, when the signature check would start refusing it. Refused tokens are not remembered.
 */
export class VerifiedTokens {
  private readonly callers = new LRUCache<string, Caller>({ max: MAX_REMEMBERED_TOKENS, ttlAutopurge: false });

  constructor(
    private readonly clockSkewSeconds: number,
    private readonly trustMs: number = VERIFIED_TOKEN_TRUST_MS,
  ) {}

  callerOf(token: string): Caller | undefined {
    return this.callers.get(token);
  }

  remember(token: string, caller: Caller, expiresAtSeconds: number): void {
    const untilExpiryMs = (expiresAtSeconds + this.clockSkewSeconds) * 1000 - Date.now();
    const ttl = Math.min(this.trustMs, untilExpiryMs);
    if (ttl > 0) this.callers.set(token, caller, { ttl });
  }
}
