import { createHash } from 'node:crypto';
import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import ApolloServerPluginResponseCache from '@apollo/server-plugin-response-cache';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import { printSchema, type GraphQLSchema } from 'graphql';
import type { GatewayContext } from '../context';
import { selectsOnlyAggregates } from './aggregate-fields';

/** Tells the client, and tests, whether an aggregate came from the cache: `hit` or `miss`. */
export const RESPONSE_CACHE_HEADER = 'x-response-cache';

export type ResponseCacheEvent = 'hit' | 'miss' | 'store_failed';

export interface ResponseCachePluginOptions {
  cache: KeyValueCache<string>;
  ttlSeconds: number;
  /** Each hit and miss of a cacheable operation: counters for metrics. */
  onEvent?: (event: ResponseCacheEvent) => void;
}

const fingerprints = new WeakMap<GraphQLSchema, string>();

/** The schema an answer was shaped by: replicas on another supergraph, or after a reload, never share it. */
function fingerprintOf(schema: GraphQLSchema): string {
  let fingerprint = fingerprints.get(schema);
  if (!fingerprint) {
    fingerprint = createHash('sha256').update(printSchema(schema)).digest('hex');
    fingerprints.set(schema, fingerprint);
  }
  return fingerprint;
}

const isCacheable = ({ schema, document }: GraphQLRequestContext<GatewayContext>) =>
  document !== undefined && selectsOnlyAggregates(schema, document);

/**
 * Apollo's response cache, for aggregates only. Each agency decides in its own subgraph what a
 * role may read for a purpose, so an answer is shared only between callers with the same roles
 * and purpose (not the same subject: an aggregate is about nobody in particular): the key is the
 * operation, its variables, the caller's sorted roles and purpose, and the supergraph. Operations
 * that select anything but aggregates (AGGREGATE_FIELDS) are neither read from nor written to
 * the cache, and answers with errors are never stored.
 *
 * The subgraphs send no cache hints, so the gateway marks an aggregate's answer cacheable for
 * `ttlSeconds` itself. Clients are told `no-store`: the answer depends on their token, and a
 * shared HTTP cache must not hand it to anyone else.
 */
export function responseCachePlugin(options: ResponseCachePluginOptions): ApolloServerPlugin<GatewayContext> {
  const apolloResponseCache = ApolloServerPluginResponseCache<GatewayContext>({
    cache: options.cache,
    extraCacheKeyData: async ({ contextValue, schema }) => ({
      roles: [...new Set(contextValue.caller.roles)].sort(),
      purpose: contextValue.purpose,
      supergraph: fingerprintOf(schema),
    }),
    shouldReadFromCache: async (requestContext) => isCacheable(requestContext),
    shouldWriteToCache: async (requestContext) => isCacheable(requestContext),
  });

  return {
    async requestDidStart(outerContext) {
      const cached = await apolloResponseCache.requestDidStart!(outerContext);
      // Set once the operation is resolved and allowed to run: validation and trusted operations
      // have had their say, and a refused request never reaches the cache.
      let cacheable = false;
      return {
        async responseForOperation(requestContext) {
          cacheable = isCacheable(requestContext);
          return cached!.responseForOperation!(requestContext);
        },
        async willSendResponse(requestContext) {
          if (!cacheable) return;
          const hit = requestContext.metrics.responseCacheHit === true;
          // Replaces the uncacheable policy the subgraphs' responses left (they send `no-store`).
          // PUBLIC in Apollo's sense, not per session: the key already holds roles and purpose.
          if (!hit) requestContext.overallCachePolicy.replace({ maxAge: options.ttlSeconds, scope: 'PUBLIC' });
          await cached!.willSendResponse!(requestContext);
          const { headers } = requestContext.response.http;
          headers.set('cache-control', 'no-store');
          headers.set(RESPONSE_CACHE_HEADER, hit ? 'hit' : 'miss');
          options.onEvent?.(hit ? 'hit' : 'miss');
        },
      };
    },
  };
}
