import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { buildSchemaSync, createResolversMap, type BuildSchemaOptions } from 'type-graphql';
import { DateScalar, RupiahScalar } from '../scalars';
import { CACHE_CONTROL_DEFINITIONS } from './cache-control';

const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible", "@tag"])';

/** Resolves one entity from its key representation; the subgraph's loaders do the batching. */
export type ReferenceResolver<TContext> = (representation: Record<string, unknown>, context: TContext) => unknown;

export interface FederatedSchemaOptions<TContext> {
  resolvers: BuildSchemaOptions['resolvers'];
  /** Entity types owned elsewhere that this subgraph extends: type-graphql drops them unless listed. */
  orphanedTypes?: BuildSchemaOptions['orphanedTypes'];
  /** `__resolveReference` per entity type name. */
  referenceResolvers: Record<string, ReferenceResolver<TContext>>;
}

/**
 * Turns type-graphql resolvers into a Federation 2 subgraph schema. type-graphql builds a plain
 * schema; we print it with its directives (@key, @shareable, @cacheControl), add the federation
 * @link and the @cacheControl definition, and let
 * @apollo/subgraph add `_service`/`_entities` with our resolvers and reference resolvers.
 */
export function buildFederatedSchema<TContext>(options: FederatedSchemaOptions<TContext>): GraphQLSchema {
  const plain = buildSchemaSync({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    skipCheck: true,
    validate: false,
  });
  const typeDefs = parse(`${FEDERATION_LINK}\n${CACHE_CONTROL_DEFINITIONS}\n${printSchemaWithDirectives(plain)}`);
  const resolvers = createResolversMap(plain) as GraphQLResolverMap<TContext>;
  for (const [typeName, resolveReference] of Object.entries(options.referenceResolvers)) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), __resolveReference: resolveReference } as never;
  }
  // Custom scalars must be the same instances the type-graphql schema used.
  resolvers.Rupiah = RupiahScalar as never;
  resolvers.Date = DateScalar as never;
  return buildSubgraphSchema([{ typeDefs, resolvers }]);
}
