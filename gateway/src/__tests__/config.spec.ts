import { describe, expect, it } from 'vitest';
import { readGatewayConfig } from '../config';

describe('gateway configuration', () => {
  it('finds the subgraphs on this host by their ports unless URLs are given', () => {
    // Every registered subgraph is listed (subgraph-urls.spec.ts); these two are always among them.
    expect(readGatewayConfig({ WORKFORCE_PORT: '5001' }).subgraphUrls).toMatchObject({
      workforce: 'http://127.0.0.1:5001/graphql',
      bpjs: 'http://127.0.0.1:4002/graphql',
    });
    expect(readGatewayConfig({ BPJS_URL: 'https://bpjs.internal/graphql' }).subgraphUrls.bpjs).toBe(
      'https://bpjs.internal/graphql',
    );
  });

  it('defaults to port 4000 and the committed supergraph', () => {
    const config = readGatewayConfig({});
    expect(config.port).toBe(4000);
    expect(config.supergraphPath).toMatch(/schema\/supergraph\.graphql$/);
    expect(config.production).toBe(false);
    expect(config.stackTraces).toBe(false);
  });

  it('puts stack traces in error answers only when DEBUG_ERRORS=stack', () => {
    expect(readGatewayConfig({ DEBUG_ERRORS: 'stack' }).stackTraces).toBe(true);
  });

  it.each([
    [{ GATEWAY_PORT: '-1' }, /GATEWAY_PORT/],
    [{ WORKFORCE_URL: 'ftp://host/graphql' }, /WORKFORCE_URL/],
  ])('fails fast on %j, naming the variable', (env, message) => {
    expect(() => readGatewayConfig(env)).toThrow(message);
  });
});

describe('gateway authentication configuration', () => {
  it('trusts the development issuer and generates its keys under the data folder in development', () => {
    const config = readGatewayConfig({ DATA_DIR: '/srv/jembatan/data' });
    expect(config.auth).toEqual({
      issuer: 'jembatan-dev',
      audience: 'jembatan',
      userKeys: { generateAt: '/srv/jembatan/data/keys/dev-user-issuer.private.jwk.json', alg: 'ES256' },
      clockSkewSeconds: 30,
      maxTokenLifetimeSeconds: 12 * 3600,
    });
    expect(config.signingKey).toEqual({
      generateAt: '/srv/jembatan/data/keys/gateway-signing.private.jwk.json',
      alg: 'EdDSA',
    });
  });

  it('refuses to start in production without a real issuer, key set and signing key', () => {
    expect(() => readGatewayConfig({ NODE_ENV: 'production' })).toThrow(
      /AUTH_ISSUER: required in production; AUTH_JWKS_URL or AUTH_JWKS_PATH: required in production; GATEWAY_SIGNING_KEY_PATH: required in production/,
    );
  });

  it('takes the identity provider from configuration in production', () => {
    const config = readGatewayConfig({
      NODE_ENV: 'production',
      AUTH_ISSUER: 'https://sso.jakarta.go.id/realms/pemprov',
      AUTH_JWKS_URL: 'https://sso.jakarta.go.id/realms/pemprov/protocol/openid-connect/certs',
      GATEWAY_SIGNING_KEY_PATH: '/etc/jembatan/gateway-signing.jwk.json',
    });
    expect(config.auth.userKeys).toEqual({
      url: 'https://sso.jakarta.go.id/realms/pemprov/protocol/openid-connect/certs',
    });
    expect(config.signingKey).toEqual({ file: '/etc/jembatan/gateway-signing.jwk.json' });
  });
});
