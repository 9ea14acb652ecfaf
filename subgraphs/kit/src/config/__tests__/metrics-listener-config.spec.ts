import { describe, expect, it } from 'vitest';
import { metricsListenerOf } from '../metrics-listener-config';
import { readSubgraphConfig } from '../subgraph-config';

const spec = { name: 'workforce', envPrefix: 'WORKFORCE', defaultPort: 4001, defaultDataDir: '/srv/data/workforce' };
const production = {
  NODE_ENV: 'production',
  NATS_URL: 'nats://127.0.0.1:4222',
  GATEWAY_PUBLIC_KEYS_PATH: '/etc/jembatan/gateway-public.jwks.json',
  CURSOR_KEYS_PATH: '/etc/jembatan/workforce-cursor.keys.json',
};

describe('where /metrics listens', () => {
  it('with GraphQL on the public port in development', () => {
    expect(readSubgraphConfig({}, spec).metricsListener).toBeUndefined();
  });

  it('in production, on its own port (the service port + 5000) on loopback', () => {
    expect(readSubgraphConfig(production, spec).metricsListener).toEqual({ host: '127.0.0.1', port: 9001 });
  });

  it('where WORKFORCE_METRICS_PORT and METRICS_HOST say, in either mode', () => {
    const env = { WORKFORCE_METRICS_PORT: '9464', METRICS_HOST: '0.0.0.0' };
    expect(readSubgraphConfig(env, spec).metricsListener).toEqual({ host: '0.0.0.0', port: 9464 });
    expect(readSubgraphConfig({ ...production, ...env }, spec).metricsListener).toEqual({
      host: '0.0.0.0',
      port: 9464,
    });
  });

  it('back on the public port when its port is the service port', () => {
    expect(readSubgraphConfig({ ...production, WORKFORCE_METRICS_PORT: '4001' }, spec).metricsListener).toBeUndefined();
  });

  it('on a port of its own too when the service listens on any free port', () => {
    expect(
      metricsListenerOf({ production: true, servicePort: 0, metricsPort: undefined, metricsHost: undefined }, 'X'),
    ).toEqual({ host: '127.0.0.1', port: 0 });
  });

  it('refuses a default past the last port, naming the variable to set', () => {
    expect(() => readSubgraphConfig({ ...production, WORKFORCE_PORT: '61000' }, spec)).toThrow(
      /WORKFORCE_METRICS_PORT: set it/,
    );
    expect(() => readSubgraphConfig({ WORKFORCE_METRICS_PORT: 'nine' }, spec)).toThrow(/WORKFORCE_METRICS_PORT/);
  });
});
