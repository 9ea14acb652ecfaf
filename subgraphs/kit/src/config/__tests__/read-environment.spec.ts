import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { ConfigurationError, readEnvironment } from '../read-environment';

const shape = {
  GATEWAY_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  GATEWAY_MAX_COST: z.coerce.number().int().min(1).default(5000),
  PLAYGROUND: z.enum(['on', 'off']).optional(),
  REDIS_URL: z
    .url({ protocol: /^rediss?$/ })
    .describe('a Redis URL such as redis://127.0.0.1:6379')
    .optional(),
};

const problemsOf = (env: Record<string, string>) => {
  try {
    readEnvironment(shape, env, 'gateway');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as ConfigurationError).problems;
  }
  throw new Error('expected the configuration to be refused');
};

describe('a bad environment variable', () => {
  it('is named with the form it takes and the value given', () => {
    expect(problemsOf({ GATEWAY_PORT: 'abc' })).toEqual([
      'GATEWAY_PORT: expected a whole number from 0 to 65535 (default 4000), got "abc"',
    ]);
    expect(problemsOf({ GATEWAY_MAX_COST: '0' })).toEqual([
      'GATEWAY_MAX_COST: expected a whole number of at least 1 (default 5000), got "0"',
    ]);
    expect(problemsOf({ PLAYGROUND: 'yes' })).toEqual(['PLAYGROUND: expected one of on, off, got "yes"']);
  });

  it('shows a URL in the expected form, and never the password of the one given', () => {
    expect(problemsOf({ REDIS_URL: 'localhost:6379' })).toEqual([
      'REDIS_URL: expected a URL (a Redis URL such as redis://127.0.0.1:6379), got "localhost:6379"',
    ]);
    expect(problemsOf({ REDIS_URL: 'http://jembatan:s3cret@cache.internal:6379' })).toEqual([
      'REDIS_URL: expected a URL (a Redis URL such as redis://127.0.0.1:6379), got "http://***@cache.internal:6379"',
    ]);
  });

  it('reports every problem at once, and reads an empty value as unset', () => {
    expect(problemsOf({ GATEWAY_PORT: '-1', PLAYGROUND: 'maybe' })).toHaveLength(2);
    expect(readEnvironment(shape, { GATEWAY_PORT: '', PLAYGROUND: 'on' }, 'gateway')).toEqual({
      GATEWAY_PORT: 4000,
      GATEWAY_MAX_COST: 5000,
      PLAYGROUND: 'on',
    });
  });
});
