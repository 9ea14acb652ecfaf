import { describe, expect, it } from 'vitest';
import { readGatewayConfig } from '../../config';
import { readPlaygroundConfig } from '../playground-config';

const PRODUCTION = {
  NODE_ENV: 'production',
  AUTH_ISSUER: 'https://sso.jakarta.go.id/realms/pemprov',
  AUTH_JWKS_PATH: '/etc/jembatan/user-issuer.jwks.json',
  GATEWAY_SIGNING_KEY_PATH: '/etc/jembatan/gateway-signing.jwk.json',
};

describe('playground configuration', () => {
  it('serves the playground in development by default', () => {
    expect(readGatewayConfig({}).playground).toEqual({ enabled: true });
  });

  it('does not serve it in production unless PLAYGROUND=on', () => {
    expect(readGatewayConfig(PRODUCTION).playground).toEqual({ enabled: false });
    expect(readGatewayConfig({ ...PRODUCTION, PLAYGROUND: 'on' }).playground).toEqual({ enabled: true });
  });

  it('can be turned off in development', () => {
    expect(readPlaygroundConfig({ PLAYGROUND: 'off' }, false)).toEqual({ enabled: false });
  });

  it('fails naming PLAYGROUND on any other value', () => {
    expect(() => readPlaygroundConfig({ PLAYGROUND: 'yes' }, false)).toThrow(/PLAYGROUND/);
  });
});
