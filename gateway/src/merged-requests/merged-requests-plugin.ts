import { HeaderMap, type ApolloServerPlugin, type GraphQLResponse } from '@apollo/server';
import type { GatewayContext } from '../context';
import type { CacheHint } from '../subgraph-fetch/incoming-fetch';
import type { InFlightRequests, SharedAnswer } from './in-flight-requests';
import { requestMergeKey } from './request-merge-key';
import type { RequestFetches } from './request-fetches';

/** What a request that takes another's answer sends: its body and status, and how long it may be cached. */
export interface MergedResponse {
  response: GraphQLResponse;
  /** The leader's overall cache policy (for the response cache); null when not cacheable. */
  cachePolicy: CacheHint | null;
}

/**
 * Errors another identical request would get as surely as the leader: fields withheld by policy.
 * An answer with any other error (a subgraph down or slow, a bug) is not passed on; each waiting
 * request then runs for itself and may fare better.
 */
const SHARED_ERROR_CODES = new Set(['FORBIDDEN']);

function shareable(response: GraphQLResponse): boolean {
  if (response.body.kind !== 'single') return false;
  const { data, errors } = response.body.singleResult;
  if (data == null) return false;
  return (errors ?? []).every((error) => SHARED_ERROR_CODES.has(String(error.extensions?.code)));
}

/**
 * Runs identical query requests of one caller in flight at the same time once (InFlightRequests):
 * the first runs, the others wait, have its personal reads recorded as their own at each agency,
 * and receive the same answer. Comes after the plugins that may refuse or answer a request (limits,
 * trusted operations, the response cache), so only an admitted request that would run waits.
 */
export function mergedRequestsPlugin(
  inFlight: InFlightRequests<MergedResponse>,
  requestFetches: RequestFetches,
): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      let settle: ((answer: SharedAnswer<MergedResponse> | null) => void) | undefined;
      return {
        async responseForOperation(requestContext) {
          if (requestContext.operation.operation !== 'query') return null;
          const joined = inFlight.join(requestMergeKey(requestContext), requestContext.contextValue);
          if (joined.leads) {
            settle = joined.settle;
            return null;
          }
          const taken = await joined.answer;
          if (!taken) return null;
          requestContext.overallCachePolicy.replace(taken.cachePolicy ?? { maxAge: 0 });
          return taken.response;
        },
        async willSendResponse({ response, contextValue, overallCachePolicy }) {
          if (!settle) return;
          const fetches = requestFetches.take(contextValue);
          if (!shareable(response)) return settle(null);
          settle({
            response: {
              // The body is shared as it is (nothing changes an answer once sent); the headers
              // are each request's own, set by the plugins as it leaves.
              response: { http: { status: response.http.status, headers: new HeaderMap() }, body: response.body },
              cachePolicy: overallCachePolicy.policyIfCacheable(),
            },
            fetches,
          });
        },
      };
    },
  };
}
