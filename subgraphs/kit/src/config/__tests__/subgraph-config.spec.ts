import { describe, expect, it } from 'vitest';
import { readSubgraphConfig, readSubgraphDatabaseConfig } from '../subgraph-config';

const spec = {
  name: 'workforce',
  envPrefix: 'WORKFORCE',
  defaultPort: 4001,
  defaultDataDir: '/srv/jembatan/data/workforce',
};

describe('subgraph configuration', () => {
  it('defaults to an embedded database, loopback, port 4001 and the demo seed in development', () => {
    expect(readSubgraphConfig({}, spec)).toEqual({
      name: 'workforce',
      host: '127.0.0.1',
      port: 4001,
      production: false,
      database: { dataDir: '/srv/jembatan/data/workforce' },
      createDatabase: false,
      seedPreset: 'demo',
      gatewayKeys: { generateAt: '/srv/jembatan/data/keys/gateway-signing.private.jwk.json', alg: 'EdDSA' },
      cursorKeys: { generateAt: '/srv/jembatan/data/keys/workforce-cursor.keys.json' },
      shutdownGraceMs: 10_000,
      httpServer: { headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, maxConnections: 1_000 },
      stackTraces: false,
      events: {
        transport: 'embedded',
        natsUrl: undefined,
        peers: {},
        signingKey: { generateAt: '/srv/jembatan/data/keys/events-signing.private.jwk.json', alg: 'EdDSA' },
        publicKeys: { generateAt: '/srv/jembatan/data/keys/events-signing.private.jwk.json', alg: 'EdDSA' },
        relayBatch: 500,
        relayPollMs: 100,
        maxDeliveries: 5,
        concurrency: 4,
      },
      execution: 'compiled',
    });
  });

  it('compiles operations unless GRAPHQL_EXECUTION=graphql-js, and names the variable for anything else', () => {
    expect(readSubgraphConfig({ GRAPHQL_EXECUTION: 'graphql-js' }, spec).execution).toBe('graphql-js');
    expect(() => readSubgraphConfig({ GRAPHQL_EXECUTION: 'jit' }, spec)).toThrow(/GRAPHQL_EXECUTION/);
  });

  it('puts stack traces in error answers only when DEBUG_ERRORS=stack, and never in production', () => {
    expect(readSubgraphConfig({ DEBUG_ERRORS: 'stack' }, spec).stackTraces).toBe(true);
    const production = {
      NODE_ENV: 'production',
      DEBUG_ERRORS: 'stack',
      GATEWAY_PUBLIC_KEYS_PATH: '/keys/gateway.jwks.json',
      CURSOR_KEYS_PATH: '/keys/workforce-cursor.keys.json',
      NATS_URL: 'nats://127.0.0.1:4222',
    };
    expect(readSubgraphConfig(production, spec).stackTraces).toBe(false);
    expect(() => readSubgraphConfig({ DEBUG_ERRORS: 'yes' }, spec)).toThrow(
      'DEBUG_ERRORS: expected one of stack, off (default off), got "yes"',
    );
  });

  it('takes the shutdown grace period from SHUTDOWN_GRACE_MS', () => {
    expect(readSubgraphConfig({ SHUTDOWN_GRACE_MS: '2500' }, spec).shutdownGraceMs).toBe(2500);
  });

  it('takes the HTTP timeouts and connection cap from HTTP_*, refusing headers that outlast the request', () => {
    expect(
      readSubgraphConfig(
        { HTTP_HEADERS_TIMEOUT_MS: '5000', HTTP_REQUEST_TIMEOUT_MS: '20000', HTTP_MAX_CONNECTIONS: '200' },
        spec,
      ).httpServer,
    ).toEqual({ headersTimeoutMs: 5_000, requestTimeoutMs: 20_000, maxConnections: 200 });
    expect(() => readSubgraphConfig({ HTTP_HEADERS_TIMEOUT_MS: '40000' }, spec)).toThrow(
      /workforce subgraph configuration: HTTP_HEADERS_TIMEOUT_MS: must not be longer than HTTP_REQUEST_TIMEOUT_MS/,
    );
  });

  it('treats an empty variable as unset, as an env file with `DATABASE_URL=` means it', () => {
    expect(readSubgraphConfig({ DATABASE_URL: '', WORKFORCE_PORT: '', SEED_PRESET: '' }, spec)).toEqual(
      readSubgraphConfig({}, spec),
    );
  });

  it('accepts the full-size dki2016 preset for a first start', () => {
    expect(readSubgraphConfig({ SEED_PRESET: 'dki2016' }, spec).seedPreset).toBe('dki2016');
  });

  it("uses the subgraph's own database URL before a shared one", () => {
    const config = readSubgraphConfig(
      { WORKFORCE_DATABASE_URL: 'postgres://hr@db.dki/registry', DATABASE_URL: 'postgres://x@y/z' },
      spec,
    );
    expect(config.database).toEqual({ url: 'postgres://hr@db.dki/registry' });
    expect(config.createDatabase).toBe(false);
  });

  it('gives each subgraph its own database on a shared server, created on first start', () => {
    const config = readSubgraphConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres' }, spec);
    expect(config.database).toEqual({ url: 'postgres://postgres@127.0.0.1:5432/jembatan_workforce' });
    expect(config.createDatabase).toBe(true);
    const hyphenated = { ...spec, name: 'land-office', envPrefix: 'LAND_OFFICE' };
    expect(
      readSubgraphConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres' }, hyphenated).database,
    ).toEqual({ url: 'postgres://postgres@127.0.0.1:5432/jembatan_land_office' });
  });

  it('places the embedded database under DATA_DIR and starts empty in production', () => {
    const config = readSubgraphConfig(
      {
        DATA_DIR: '/var/lib/jembatan',
        NODE_ENV: 'production',
        WORKFORCE_PORT: '8081',
        GATEWAY_PUBLIC_KEYS_PATH: '/etc/jembatan/gateway.jwks.json',
        CURSOR_KEYS_PATH: '/etc/jembatan/workforce-cursor.keys.json',
        NATS_URL: 'nats://nats.jakarta.go.id:4222',
      },
      spec,
    );
    expect(config).toMatchObject({
      database: { dataDir: '/var/lib/jembatan/workforce' },
      production: true,
      port: 8081,
      seedPreset: null,
      gatewayKeys: { file: '/etc/jembatan/gateway.jwks.json' },
      cursorKeys: { file: '/etc/jembatan/workforce-cursor.keys.json' },
      events: { transport: 'nats', natsUrl: 'nats://nats.jakarta.go.id:4222' },
    });
  });

  describe('events', () => {
    const production = {
      NODE_ENV: 'production',
      GATEWAY_PUBLIC_KEYS_PATH: '/etc/jembatan/gateway.jwks.json',
      CURSOR_KEYS_PATH: '/etc/jembatan/workforce-cursor.keys.json',
    };

    it('go through NATS when NATS_URL is set, else through the embedded transport to EVENTS_PEERS', () => {
      expect(readSubgraphConfig({ NATS_URL: 'nats://127.0.0.1:4222' }, spec).events).toMatchObject({
        transport: 'nats',
        natsUrl: 'nats://127.0.0.1:4222',
      });
      expect(
        readSubgraphConfig({ EVENTS_PEERS: 'workforce=http://127.0.0.1:4001, bpjs=http://127.0.0.1:4002' }, spec)
          .events,
      ).toMatchObject({
        transport: 'embedded',
        peers: { workforce: 'http://127.0.0.1:4001', bpjs: 'http://127.0.0.1:4002' },
      });
    });

    it('refuse a malformed NATS_URL, peer list or relay setting, naming the variable', () => {
      expect(() => readSubgraphConfig({ NATS_URL: 'http://127.0.0.1:4222' }, spec)).toThrow(
        /NATS_URL: must be a nats:/,
      );
      expect(() => readSubgraphConfig({ EVENTS_PEERS: 'bpjs' }, spec)).toThrow(/EVENTS_PEERS: "bpjs" is not name=/);
      expect(() => readSubgraphConfig({ EVENTS_RELAY_BATCH: '0' }, spec)).toThrow(/EVENTS_RELAY_BATCH/);
      expect(() => readSubgraphConfig({ EVENTS_TRANSPORT: 'nats' }, spec)).toThrow(
        /NATS_URL: required with EVENTS_TRANSPORT=nats/,
      );
    });

    it('need NATS in production, unless the embedded transport is asked for by name with its key files', () => {
      expect(() => readSubgraphConfig(production, spec)).toThrow(/NATS_URL: required in production/);
      expect(() => readSubgraphConfig({ ...production, EVENTS_TRANSPORT: 'embedded' }, spec)).toThrow(
        /EVENTS_SIGNING_KEY_PATH and EVENTS_PUBLIC_KEYS_PATH: required in production/,
      );
      expect(
        readSubgraphConfig(
          {
            ...production,
            EVENTS_TRANSPORT: 'embedded',
            EVENTS_SIGNING_KEY_PATH: '/etc/jembatan/events/workforce.private.jwk.json',
            EVENTS_PUBLIC_KEYS_PATH: '/etc/jembatan/events/producers.jwks.json',
          },
          spec,
        ).events,
      ).toMatchObject({
        transport: 'embedded',
        signingKey: { file: '/etc/jembatan/events/workforce.private.jwk.json' },
        publicKeys: { file: '/etc/jembatan/events/producers.jwks.json' },
      });
    });
  });

  it("refuses to start in production without the gateway's public keys", () => {
    expect(() => readSubgraphConfig({ NODE_ENV: 'production' }, spec)).toThrow(/GATEWAY_PUBLIC_KEYS_PATH: required/);
  });

  it('refuses to start in production without its cursor keys', () => {
    expect(() =>
      readSubgraphConfig({ NODE_ENV: 'production', GATEWAY_PUBLIC_KEYS_PATH: '/etc/jembatan/gateway.jwks.json' }, spec),
    ).toThrow(/CURSOR_KEYS_PATH: required/);
  });

  it.each([
    [{ WORKFORCE_PORT: 'empat ribu' }, /WORKFORCE_PORT/],
    [{ WORKFORCE_PORT: '70000' }, /WORKFORCE_PORT/],
    [{ WORKFORCE_DATABASE_URL: 'mysql://root@localhost/x' }, /WORKFORCE_DATABASE_URL: must be a postgres:\/\/ URL/],
    [{ SEED_PRESET: 'everything' }, /SEED_PRESET/],
    [{ NODE_ENV: 'staging' }, /NODE_ENV/],
    [{ SHUTDOWN_GRACE_MS: 'sebentar' }, /SHUTDOWN_GRACE_MS/],
  ])('fails fast on %j, naming the variable', (env, message) => {
    expect(() => readSubgraphConfig(env, spec)).toThrow(message);
  });
});

describe('the database of a subgraph, alone', () => {
  it('asks a production command that only loads or checks data (seed, audit:verify) for no serving keys', () => {
    const env = { NODE_ENV: 'production', DATABASE_URL: 'postgres://postgres@db.jakarta.go.id/postgres' };
    expect(() => readSubgraphConfig(env, spec)).toThrow(/GATEWAY_PUBLIC_KEYS_PATH: required/);
    expect(readSubgraphDatabaseConfig(env, spec)).toEqual({
      database: { url: 'postgres://postgres@db.jakarta.go.id/jembatan_workforce' },
      createDatabase: true,
    });
  });

  it('names the variable that is wrong', () => {
    expect(() => readSubgraphDatabaseConfig({ WORKFORCE_DATABASE_URL: 'mysql://db' }, spec)).toThrow(
      /WORKFORCE_DATABASE_URL: must be a postgres:\/\/ URL/,
    );
  });
});
