import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RATE_LIMIT, DEFAULT_REFUSALS_PER_ADDRESS, readLimitsConfig } from '../limits-config';
import { DEFAULT_OPERATION_MANIFEST_PATH } from '../operation-manifest';
import { DEFAULT_QUERY_LIMITS } from '../query-limits';
import { DEFAULT_RATE_LIMIT_KEY_PREFIX } from '../rate-limiter';

describe('readLimitsConfig', () => {
  it('defaults everything: memory rate limits, no browser origin, trusted operations off outside production', () => {
    expect(readLimitsConfig({})).toEqual({
      queryLimits: DEFAULT_QUERY_LIMITS,
      rateLimit: {
        ...DEFAULT_RATE_LIMIT,
        redisUrl: undefined,
        keyPrefix: DEFAULT_RATE_LIMIT_KEY_PREFIX,
        refusalsPerAddress: DEFAULT_REFUSALS_PER_ADDRESS,
      },
      corsOrigins: [],
      trustedOperations: { enforce: false, manifestPath: DEFAULT_OPERATION_MANIFEST_PATH },
      trustedProxies: [],
    });
  });

  it('enforces trusted operations by default in production', () => {
    expect(readLimitsConfig({ NODE_ENV: 'production' }).trustedOperations.enforce).toBe(true);
    expect(readLimitsConfig({ NODE_ENV: 'production', TRUSTED_OPERATIONS: 'off' }).trustedOperations.enforce).toBe(
      false,
    );
    expect(readLimitsConfig({ TRUSTED_OPERATIONS: 'enforce' }).trustedOperations.enforce).toBe(true);
  });

  it('reads every override', () => {
    const config = readLimitsConfig({
      GATEWAY_MAX_DEPTH: '8',
      GATEWAY_MAX_ALIASES: '5',
      GATEWAY_MAX_ROOT_FIELDS: '3',
      GATEWAY_MAX_TOKENS: '900',
      GATEWAY_MAX_DIRECTIVES: '4',
      GATEWAY_MAX_COST: '12000',
      RATE_LIMIT_POINTS: '100',
      RATE_LIMIT_WINDOW_SECONDS: '10',
      RATE_LIMIT_KEY_PREFIX: 'staging:rate',
      REDIS_URL: 'redis://cache.internal:6380/2',
      CORS_ORIGINS: ' https://hr.jakarta.go.id, http://localhost:5173 ,',
      TRUSTED_OPERATIONS_MANIFEST_PATH: 'ops/manifest.json',
      RATE_LIMIT_REFUSALS_PER_ADDRESS: '20',
      TRUSTED_PROXIES: '10.0.0.0/8, 192.168.1.7,fd00::/8',
    });
    expect(config).toEqual({
      queryLimits: { maxDepth: 8, maxAliases: 5, maxRootFields: 3, maxTokens: 900, maxDirectives: 4, maxCost: 12_000 },
      rateLimit: {
        points: 100,
        windowSeconds: 10,
        redisUrl: 'redis://cache.internal:6380/2',
        keyPrefix: 'staging:rate',
        refusalsPerAddress: 20,
      },
      corsOrigins: ['https://hr.jakarta.go.id', 'http://localhost:5173'],
      trustedOperations: { enforce: false, manifestPath: resolve('ops/manifest.json') },
      trustedProxies: ['10.0.0.0/8', '192.168.1.7', 'fd00::/8'],
    });
  });

  it('treats an empty variable as unset', () => {
    expect(readLimitsConfig({ GATEWAY_MAX_DEPTH: '', REDIS_URL: '' })).toEqual(readLimitsConfig({}));
  });

  it.each([
    ['GATEWAY_MAX_DEPTH', 'deep'],
    ['GATEWAY_MAX_COST', '0'],
    ['GATEWAY_MAX_TOKENS', '1.5'],
    ['RATE_LIMIT_POINTS', '-3'],
    ['RATE_LIMIT_WINDOW_SECONDS', 'a minute'],
    ['REDIS_URL', 'http://cache.internal:6379'],
    ['TRUSTED_OPERATIONS', 'yes'],
  ])('names %s when it is %j', (name, value) => {
    expect(() => readLimitsConfig({ [name]: value })).toThrow(
      new RegExp(`^Invalid gateway limits configuration: ${name}: `),
    );
  });

  it('names TRUSTED_PROXIES when an entry is not an address or CIDR block', () => {
    for (const proxies of ['10.0.0.0/33', 'proxy.internal', '10.0.0.1/8/8', 'fd00::/129']) {
      expect(() => readLimitsConfig({ TRUSTED_PROXIES: proxies })).toThrow(/TRUSTED_PROXIES\.0: /);
    }
  });

  it('names CORS_ORIGINS when an entry is not a bare origin', () => {
    for (const origins of ['https://hr.jakarta.go.id/', 'hr.jakarta.go.id', 'https://hr.jakarta.go.id/app', '*']) {
      expect(() => readLimitsConfig({ CORS_ORIGINS: origins })).toThrow(/CORS_ORIGINS\.0: must be an origin/);
    }
  });
});
