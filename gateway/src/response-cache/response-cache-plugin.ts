import { createHash } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import ApolloServerPluginResponseCache from '@apollo/server-plugin-response-cache';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import { printSchema, type GraphQLSchema } from 'graphql';
import type { GatewayContext } from '../context';
import { shareablePolicy } from './shareable-policy';
import { UncacheableOperations } from './uncacheable-operations';

/** Tells the client, and tests, whether a cacheable answer came from the cache: `hit` or `miss`. */
export const RESPONSE_CACHE_HEADER = 'x-response-cache';

export type ResponseCacheEvent = 'hit' | 'miss' | 'store_failed';

export interface ResponseCachePluginOptions {
  cache: KeyValueCache<string>;
  /** The longest an answer is kept, whatever the subgraphs allow. */
  ttlSeconds: number;
  /** Each hit and each cacheable miss: counters for metrics. */
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

/**
 * The answer depends on the caller's token: no HTTP cache between the gateway and the client may
 * keep it. Set on every answer, cached or not, before Apollo's own cache-control plugin looks:
 * it then keeps `no-store` rather than passing on the subgraphs' `max-age=…, public`.
 */
export const clientsNeverStore: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        response.http.headers.set('cache-control', 'no-store');
      },
    };
  },
};

/**
 * Apollo's response cache, driven by the subgraphs' cache hints: an answer is stored only when
 * every subgraph it came from declared its part public (`@cacheControl` on the agency's
 * aggregate types, sent as `Cache-Control: max-age=N, public`), for the shortest time any of them
 * allowed and at most `ttlSeconds`. Unhinted fields, personal reads and answers with errors are
 * `no-store` at their agency, so they are never stored, and every one of them reaches the
 * agency that audits it.
 *
 * Each agency decides in its own subgraph what a role may read for a purpose, so an answer is
 * shared only between callers with the same roles, purpose and data subject (not the same
 * subject: what is public is about nobody in particular): the key is the operation, its
 * variables, those, and the supergraph.
 */
export function responseCachePlugin(options: ResponseCachePluginOptions): ApolloServerPlugin<GatewayContext> {
  const uncacheable = new UncacheableOperations();
  const apolloResponseCache = ApolloServerPluginResponseCache<GatewayContext>({
    cache: options.cache,
    extraCacheKeyData: async ({ contextValue, schema }) => ({
      roles: [...new Set(contextValue.caller.roles)].sort(),
      purpose: contextValue.purpose,
      dataSubject: contextValue.dataSubject,
      supergraph: fingerprintOf(schema),
    }),
    shouldReadFromCache: async (requestContext) => !uncacheable.knownUncacheable(requestContext),
    shouldWriteToCache: async (requestContext) => shareablePolicy(requestContext) !== null,
  });

  return {
    async requestDidStart(outerContext) {
      const cached = await apolloResponseCache.requestDidStart!(outerContext);
      const noStore = await clientsNeverStore.requestDidStart!(outerContext);
      // Set once the operation is resolved and allowed to run: validation and trusted operations
      // have had their say, and a refused request never reaches the cache.
      let resolved = false;
      return {
        async responseForOperation(requestContext) {
          resolved = true;
          return cached!.responseForOperation!(requestContext);
        },
        async willSendResponse(requestContext) {
          await noStore!.willSendResponse!(requestContext);
          if (!resolved) return;
          const hit = requestContext.metrics.responseCacheHit === true;
          if (!hit) requestContext.overallCachePolicy.restrict({ maxAge: options.ttlSeconds });
          const cacheable = hit || shareablePolicy(requestContext) !== null;
          if (!hit) uncacheable.remember(requestContext, !cacheable);
          await cached!.willSendResponse!(requestContext);
          if (!cacheable) return;
          requestContext.response.http.headers.set(RESPONSE_CACHE_HEADER, hit ? 'hit' : 'miss');
          options.onEvent?.(hit ? 'hit' : 'miss');
        },
      };
    },
  };
}
