import { buildBpjsSchema } from '@jembatan/bpjs';
import { buildWorkforceSchema } from '@jembatan/workforce';
import type { GraphQLSchema } from 'graphql';

export interface SubgraphSource {
  name: string;
  /** The URL written into the supergraph; gateways override it per deployment. */
  url: string;
  buildSchema: () => GraphQLSchema;
}

/** Every subgraph of the supergraph, in composition order. */
export const SUBGRAPHS: readonly SubgraphSource[] = [
  { name: 'workforce', url: 'http://localhost:4001/graphql', buildSchema: buildWorkforceSchema },
  { name: 'bpjs', url: 'http://localhost:4002/graphql', buildSchema: buildBpjsSchema },
];
