import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import type { SubgraphSource } from './subgraphs';

export interface Composition {
  /** Each subgraph's SDL as printed from code, by subgraph name. */
  subgraphSdl: Record<string, string>;
  supergraphSdl: string;
}

export class CompositionError extends Error {}

/** Composes the subgraphs in memory, with the errors written so a person can act on them. */
export function composeSupergraph(subgraphs: readonly SubgraphSource[]): Composition {
  const subgraphSdl = Object.fromEntries(
    subgraphs.map((subgraph) => [subgraph.name, printSubgraphSchema(subgraph.buildSchema())]),
  );
  const result = composeServices(
    subgraphs.map((subgraph) => ({
      name: subgraph.name,
      url: subgraph.url,
      typeDefs: parse(subgraphSdl[subgraph.name] as string),
    })),
  );
  if (result.errors) {
    const lines = result.errors.map((error) => `  - [${String(error.extensions.code)}] ${error.message}`);
    throw new CompositionError(`Composition failed with ${result.errors.length} error(s):\n${lines.join('\n')}`);
  }
  return { subgraphSdl, supergraphSdl: result.supergraphSdl };
}
