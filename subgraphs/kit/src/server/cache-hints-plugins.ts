import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import type { AccessRecorder } from '../access/access-recorder';

/**
 * The subgraph's `Cache-Control` header, computed from the `@cacheControl` hints of the types and
 * fields an operation read (`max-age=60, public` for aggregates only, `no-store` for anything
 * else or any answer with errors). The gateway's response cache and its sharing of identical
 * fetches go by this header alone, so a new agency needs no gateway change to have its
 * aggregates cached, and nothing it leaves unmarked ever is.
 */
export function cacheHintsPlugins(): ApolloServerPlugin<{ accessRecorder: AccessRecorder }>[] {
  return [ApolloServerPluginCacheControl({ defaultMaxAge: 0, calculateHttpHeaders: true }), personalReadsNeverCached()];
}

/**
 * Whatever the hints say, an answer that read personal data is never cacheable: it is audited
 * per request, and a cached or shared copy would reach a caller with no audit record. This holds
 * even if someone hints a type that carries personal fields.
 */
function personalReadsNeverCached(): ApolloServerPlugin<{ accessRecorder: AccessRecorder }> {
  return {
    async requestDidStart({ contextValue, overallCachePolicy }) {
      return {
        async executionDidStart() {
          return {
            async executionDidEnd() {
              if (contextValue.accessRecorder.summary()) overallCachePolicy.restrict({ maxAge: 0 });
            },
          };
        },
      };
    },
  };
}
