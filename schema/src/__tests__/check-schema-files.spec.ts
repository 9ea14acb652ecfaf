import { describe, expect, it } from 'vitest';
import { SchemaCheckError } from '../check-errors';
import { compareSchemaSdl, type FileChanges } from '../check-schema-files';
import { fixtureComposition } from './check-fixture';

const { supergraphSdl, subgraphSdl } = fixtureComposition('after');
const current = { supergraph: supergraphSdl, subgraphs: subgraphSdl };
const labels = { before: 'HEAD^', after: 'the code' };
const summary = (files: FileChanges[]) =>
  files.map((file) => [
    file.file,
    file.status,
    file.changes.map((change) => `${change.level} ${change.kind} ${change.coordinate}`),
  ]);

describe('comparing the committed schema files', () => {
  it('compares the supergraph and every subgraph, and reports a subgraph that left as breaking', async () => {
    const retired =
      'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])\n' +
      'type Query { """Retired."""\n  legacy: Int }';
    const files = await compareSchemaSdl(
      { ...current, subgraphs: { ...subgraphSdl, legacy: retired } },
      current,
      labels,
    );
    expect(summary(files)).toEqual([
      ['supergraph.graphql', 'compared', []],
      ['subgraphs/legacy.graphql', 'removed', ['breaking SUBGRAPH_REMOVED legacy']],
      ['subgraphs/pricing.graphql', 'compared', []],
      ['subgraphs/warehouse.graphql', 'compared', []],
    ]);
  });

  it('has nothing to compare for a file the base did not have', async () => {
    const { pricing: _pricing, ...withoutPricing } = subgraphSdl;
    const files = await compareSchemaSdl({ supergraph: undefined, subgraphs: withoutPricing }, current, labels);
    expect(summary(files)).toEqual([
      ['supergraph.graphql', 'new', []],
      ['subgraphs/pricing.graphql', 'new', []],
      ['subgraphs/warehouse.graphql', 'compared', []],
    ]);
  });

  it('sees in a subgraph what the supergraph hides: an entity that can no longer be fetched by key', async () => {
    const keyless = subgraphSdl.pricing!.replace('\n  @key(fields: "sku")', '');
    expect(keyless).not.toContain('@key(');
    const files = await compareSchemaSdl(
      { ...current, subgraphs: subgraphSdl },
      { ...current, subgraphs: { ...subgraphSdl, pricing: keyless } },
      labels,
    );
    expect(summary(files).find(([file]) => file === 'subgraphs/pricing.graphql')).toEqual([
      'subgraphs/pricing.graphql',
      'compared',
      [
        'breaking TYPE_REMOVED _Entity',
        'breaking FIELD_REMOVED Query._entities',
        'dangerous DIRECTIVE_USAGE_OBJECT_REMOVED Item.@key',
      ],
    ]);
  });

  it('says which baseline file does not build, and why', async () => {
    await expect(
      compareSchemaSdl({ ...current, subgraphs: { ...subgraphSdl, pricing: 'type Query {' } }, current, labels),
    ).rejects.toThrow(SchemaCheckError);
    await expect(
      compareSchemaSdl({ ...current, subgraphs: { ...subgraphSdl, pricing: 'type Query {' } }, current, labels),
    ).rejects.toThrow(/^subgraphs\/pricing\.graphql at HEAD\^ does not build as a schema: Syntax Error/);
  });
});
