import type { ApolloServerPlugin } from '@apollo/server';
import type { ErrorCode } from '@jembatan/kit/errors';
import type { GatewayContext } from '../context';
import { operationIdOf } from './operation-manifest';

const PERSISTED_QUERY_MISMATCH: ErrorCode = 'PERSISTED_QUERY_MISMATCH';

/**
 * A request carrying both a query and a persisted query id that is not that query's SHA-256 is
 * the client's mistake, and Apollo Server answers it with 400 but no code, which our error
 * masking then reports as INTERNAL_SERVER_ERROR and logs as a fault of ours. Recognised by the
 * request itself (rather than Apollo's message), it gets its own code.
 */
export function persistedQueryMismatchPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ request }) {
      const id = request.extensions?.persistedQuery?.sha256Hash;
      if (typeof id !== 'string' || typeof request.query !== 'string' || operationIdOf(request.query) === id) return;
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            if (error.extensions.code === undefined) error.extensions.code = PERSISTED_QUERY_MISMATCH;
          }
        },
      };
    },
  };
}
