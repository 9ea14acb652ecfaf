import { describe, expect, it } from 'vitest';
import { AGENCY_NAMES } from '@jembatan/subgraph-registry/agencies';
import { readSubgraphUrls } from '../subgraph-urls';

const agencies = [
  { name: 'workforce', agency: 'Pemprov DKI', envPrefix: 'WORKFORCE', port: 4001 },
  { name: 'land-office', agency: 'Badan Pertanahan Nasional', envPrefix: 'LAND_OFFICE', port: 4003 },
];

describe("the gateway's subgraph URLs", () => {
  it('name every registered subgraph', () => {
    expect(Object.keys(readSubgraphUrls({}))).toEqual(AGENCY_NAMES);
  });

  it('find each subgraph by its URL, else on this host by its own port variable, else its registered port', () => {
    expect(readSubgraphUrls({}, agencies)).toEqual({
      workforce: 'http://127.0.0.1:4001/graphql',
      'land-office': 'http://127.0.0.1:4003/graphql',
    });
    expect(
      readSubgraphUrls({ LAND_OFFICE_PORT: '5003', WORKFORCE_URL: 'https://hr.internal/graphql' }, agencies),
    ).toEqual({ workforce: 'https://hr.internal/graphql', 'land-office': 'http://127.0.0.1:5003/graphql' });
    expect(readSubgraphUrls({ LAND_OFFICE_PORT: '' }, agencies)['land-office']).toBe('http://127.0.0.1:4003/graphql');
  });

  it.each([
    [{ LAND_OFFICE_URL: 'ftp://land/graphql' }, /Invalid gateway configuration: LAND_OFFICE_URL/],
    [{ LAND_OFFICE_PORT: '70000' }, /Invalid gateway configuration: LAND_OFFICE_PORT/],
  ])('fails fast on %j, naming the variable', (env, message) => {
    expect(() => readSubgraphUrls(env, agencies)).toThrow(message);
  });
});
