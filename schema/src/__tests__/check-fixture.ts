import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { composeSupergraph, type Composition } from '../compose';
import { generatedFilesOf } from '../generated-files';
import type { SavedOperation } from '../operations';

const LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])';

/** A warehouse subgraph owning Item; `legacyCode` is the field the specs remove. */
const warehouseSdl = (withLegacyCode: boolean) => `${LINK}
"""A stocked item."""
type Item @key(fields: "sku") {
  """Stock keeping unit."""
  sku: ID!
  """Display name."""
  name: String!
${withLegacyCode ? '  """The code before SKUs."""\n  legacyCode: String\n' : ''}}
type Query {
  """One item by SKU."""
  item(
    """The SKU."""
    sku: ID!
  ): Item
}
`;

const pricingSdl = `${LINK}
type Item @key(fields: "sku") {
  """Stock keeping unit."""
  sku: ID!
  """Price in whole Rupiah."""
  price: Int!
}
`;

/** Two subgraphs that compose, before (with Item.legacyCode) or after the breaking change. */
export function fixtureComposition(version: 'before' | 'after'): Composition {
  const source = (name: string, sdl: string) => ({
    name,
    url: `http://localhost:1/${name}`,
    buildSchema: () => buildSubgraphSchema([{ typeDefs: parse(sdl) }]),
  });
  return composeSupergraph([source('warehouse', warehouseSdl(version === 'before')), source('pricing', pricingSdl)]);
}

export const FIXTURE_OPERATION = 'query ItemName {\n  item(sku: "A-1") {\n    name\n  }\n}\n';

/** The schema folder's committed files for a composition, relative to the repository: `schema/...`. */
export async function schemaFolderFiles(composition: Composition): Promise<Record<string, string>> {
  const operations: SavedOperation[] = [
    { name: 'ItemName', file: 'ItemName.graphql', source: FIXTURE_OPERATION, document: parse(FIXTURE_OPERATION) },
  ];
  const generated = await generatedFilesOf(composition, operations);
  return Object.fromEntries([
    ['schema/operations/ItemName.graphql', FIXTURE_OPERATION],
    ...Object.entries(generated).map(([file, content]) => [`schema/${file}`, content]),
  ]);
}
