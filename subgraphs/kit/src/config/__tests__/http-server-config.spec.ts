import { describe, expect, it } from 'vitest';
import { DEFAULT_HTTP_SERVER_LIMITS, readHttpServerConfig } from '../http-server-config';

describe('HTTP server configuration', () => {
  it('gives clients 10 s for headers, 30 s for a request and 1,000 connections by default', () => {
    expect(DEFAULT_HTTP_SERVER_LIMITS).toEqual({
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 30_000,
      maxConnections: 1_000,
    });
    expect(readHttpServerConfig({})).toEqual(DEFAULT_HTTP_SERVER_LIMITS);
    expect(readHttpServerConfig({ HTTP_HEADERS_TIMEOUT_MS: '' })).toEqual(DEFAULT_HTTP_SERVER_LIMITS);
  });

  it('reads each from its variable', () => {
    expect(
      readHttpServerConfig({
        HTTP_HEADERS_TIMEOUT_MS: '2000',
        HTTP_REQUEST_TIMEOUT_MS: '2000',
        HTTP_MAX_CONNECTIONS: '50',
      }),
    ).toEqual({ headersTimeoutMs: 2_000, requestTimeoutMs: 2_000, maxConnections: 50 });
  });

  it.each([
    [{ HTTP_HEADERS_TIMEOUT_MS: '0' }, /HTTP_HEADERS_TIMEOUT_MS/],
    [{ HTTP_REQUEST_TIMEOUT_MS: '10s' }, /HTTP_REQUEST_TIMEOUT_MS/],
    [{ HTTP_MAX_CONNECTIONS: '0' }, /HTTP_MAX_CONNECTIONS/],
    [{ HTTP_HEADERS_TIMEOUT_MS: '31000' }, /HTTP_HEADERS_TIMEOUT_MS: must not be longer than HTTP_REQUEST_TIMEOUT_MS/],
  ])('fails fast on %j, naming the variable', (env, message) => {
    expect(() => readHttpServerConfig(env)).toThrow(message);
  });
});
