import 'reflect-metadata';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SubgraphDefinition } from '@jembatan/kit';
import { mainEntryOf, parseRegistry, REGISTERED_AGENCIES, REPOSITORY_ROOT } from '../agencies';
import { joinRegistry, REGISTERED_SUBGRAPHS, registeredSubgraph } from '../registered-subgraphs';

const definitionLike = (name: string, envPrefix: string, defaultPort: number) =>
  ({ name, envPrefix, defaultPort }) as SubgraphDefinition<unknown>;
const entry = { name: 'land', agency: 'Badan Pertanahan Nasional', envPrefix: 'LAND', port: 4003 };

describe('the subgraph registry', () => {
  it('lists the founding agencies first, each with its own folder, package and entry point', () => {
    expect(REGISTERED_AGENCIES.slice(0, 2).map(({ name, port }) => ({ name, port }))).toEqual([
      { name: 'workforce', port: 4001 },
      { name: 'bpjs', port: 4002 },
    ]);
    const registryPackage = JSON.parse(readFileSync(resolve(__dirname, '../../package.json'), 'utf8'));
    for (const { name } of REGISTERED_AGENCIES) {
      const manifest = JSON.parse(readFileSync(resolve(REPOSITORY_ROOT, 'subgraphs', name, 'package.json'), 'utf8'));
      expect(manifest.name).toBe(`@jembatan/${name}`);
      expect(registryPackage.dependencies[`@jembatan/${name}`]).toBe('workspace:*');
      expect(existsSync(resolve(REPOSITORY_ROOT, mainEntryOf(name)))).toBe(true);
    }
  });

  it("agrees with every agency's own definition", () => {
    expect(REGISTERED_SUBGRAPHS.map((subgraph) => subgraph.definition.name)).toEqual(
      REGISTERED_AGENCIES.map((agency) => agency.name),
    );
    expect(registeredSubgraph('bpjs').definition.envPrefix).toBe('BPJS');
    expect(() => registeredSubgraph('nowhere')).toThrow('No subgraph nowhere is registered; known: workforce, bpjs');
  });

  it('refuses code and entries that disagree', () => {
    expect(() => joinRegistry([entry], {})).toThrow(
      'subgraphs.json lists land, but src/definitions.ts has no code for it',
    );
    expect(() => joinRegistry([], { land: definitionLike('land', 'LAND', 4003) })).toThrow(
      'Subgraph code without an entry in subgraphs.json: land',
    );
    expect(() => joinRegistry([entry], { land: definitionLike('land', 'TANAH', 4004) })).toThrow(
      "The land subgraph's definition says envPrefix TANAH, defaultPort 4004; subgraphs.json says name land, envPrefix LAND, port 4003",
    );
  });

  it('refuses entries that could not be served', () => {
    expect(() => parseRegistry({})).toThrow('"subgraphs" must be a list');
    expect(() => parseRegistry({ subgraphs: [{ ...entry, name: 'Land_Office' }] })).toThrow('entry 1: invalid name');
    expect(() => parseRegistry({ subgraphs: [{ ...entry, envPrefix: 'land' }] })).toThrow('invalid envPrefix');
    expect(() => parseRegistry({ subgraphs: [{ ...entry, port: 70000 }] })).toThrow('port must be an integer');
    expect(() => parseRegistry({ subgraphs: [entry, { ...entry, name: 'tanah', envPrefix: 'TANAH' }] })).toThrow(
      'two subgraphs share the port 4003',
    );
  });
});
