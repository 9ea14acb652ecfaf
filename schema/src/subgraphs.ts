import { composedUrlOf, REGISTERED_SUBGRAPHS } from '@jembatan/subgraph-registry';
import type { GraphQLSchema } from 'graphql';

export interface SubgraphSource {
  name: string;
  /** The URL written into the supergraph; gateways override it per deployment. */
  url: string;
  buildSchema: () => GraphQLSchema;
}

/** Every subgraph of the supergraph, in composition order: the registry's (subgraphs/registry). */
export const SUBGRAPHS: readonly SubgraphSource[] = REGISTERED_SUBGRAPHS.map((subgraph) => ({
  name: subgraph.name,
  url: composedUrlOf(subgraph),
  buildSchema: subgraph.definition.buildSchema,
}));
