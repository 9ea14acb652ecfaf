import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { RequestRejectedError } from '@jembatan/kit';
import { trustedProxiesOf } from '../client-address';
import { createRateLimiter } from '../rate-limiter';
import { limitRefusalsByAddress } from '../refusals-by-address';

const BUDGET = 3;
const requestFrom = (address: string, token: 'valid' | 'invalid') =>
  ({ socket: { remoteAddress: address }, headers: { authorization: token } }) as unknown as IncomingMessage;

async function gate() {
  const limiter = await createRateLimiter({ points: BUDGET, windowSeconds: 60 });
  return limitRefusalsByAddress({ limiter, trustedProxies: trustedProxiesOf([]) }, async (request) => {
    if (request.headers.authorization !== 'valid') throw new RequestRejectedError(401, 'UNAUTHENTICATED', 'no');
    return 'admitted';
  });
}

const outcomeOf = (attempt: Promise<unknown>) =>
  attempt.then(
    (value) => value,
    (error: RequestRejectedError) => ({ status: error.status, code: error.code, headers: error.headers }),
  );

describe('refused requests, limited per client address', () => {
  it('are refused as before up to the budget, then with 429 RATE_LIMITED and Retry-After', async () => {
    const admit = await gate();
    for (let attempt = 0; attempt < BUDGET; attempt += 1) {
      expect(await outcomeOf(admit(requestFrom('203.0.113.9', 'invalid')))).toMatchObject({ status: 401 });
    }
    const limited = await outcomeOf(admit(requestFrom('203.0.113.9', 'invalid')));
    expect(limited).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect(Number((limited as { headers: Record<string, string> }).headers['retry-after'])).toBeGreaterThan(0);
  });

  it("never hold up a valid caller at the same address, nor another address's refusals", async () => {
    const admit = await gate();
    for (let attempt = 0; attempt <= BUDGET; attempt += 1)
      await outcomeOf(admit(requestFrom('203.0.113.9', 'invalid')));
    expect(await admit(requestFrom('203.0.113.9', 'valid'))).toBe('admitted');
    expect(await outcomeOf(admit(requestFrom('198.51.100.1', 'invalid')))).toMatchObject({ status: 401 });
  });

  it('leave a refusal for the rate limit itself uncounted', async () => {
    const limiter = await createRateLimiter({ points: 1, windowSeconds: 60 });
    const admit = limitRefusalsByAddress({ limiter, trustedProxies: trustedProxiesOf([]) }, async () => {
      throw new RequestRejectedError(429, 'RATE_LIMITED', 'slow down', { 'retry-after': '5' });
    });
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect(await outcomeOf(admit(requestFrom('203.0.113.9', 'valid')))).toMatchObject({
        headers: { 'retry-after': '5' },
      });
    }
  });
});
