import { describe, expect, it } from 'vitest';
import { readGatewayConfig } from '../config';

describe('gateway configuration', () => {
  it('finds the subgraphs on this host by their ports unless URLs are given', () => {
    expect(readGatewayConfig({ WORKFORCE_PORT: '5001' }).subgraphUrls).toEqual({
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
  });

  it.each([
    [{ GATEWAY_PORT: '-1' }, /GATEWAY_PORT/],
    [{ WORKFORCE_URL: 'ftp://host/graphql' }, /WORKFORCE_URL/],
  ])('fails fast on %j, naming the variable', (env, message) => {
    expect(() => readGatewayConfig(env)).toThrow(message);
  });
});
