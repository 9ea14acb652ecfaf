import type { ApolloServerPlugin, PersistedQueryOptions } from '@apollo/server';
import { AD_HOC_ROLES } from '@jembatan/kit/access';
import { GraphQLError } from 'graphql';
import type { GatewayContext } from '../context';
import { operationIdOf, type OperationManifest } from './operation-manifest';

export const OPERATION_NOT_TRUSTED = 'OPERATION_NOT_TRUSTED';

export interface TrustedOperationsOptions {
  manifest: OperationManifest;
  /** Off: every caller may send any operation. Enforced: see mayQueryAdHoc. */
  enforce: boolean;
  /** Whether a caller may send operations outside the manifest while enforcement is on. */
  mayQueryAdHoc: (context: GatewayContext) => boolean;
}

/**
 * A token may query ad hoc only if every role it carries may (analysts, auditors). An ad-hoc
 * query runs with all of the token's roles, so one screen role beside `analyst` would otherwise
 * let the screen's data rights answer questions nobody published. A token without roles may not.
 */
export const callerMayQueryAdHoc = (context: GatewayContext): boolean =>
  context.caller.roles.length > 0 && context.caller.roles.every((role) => AD_HOC_ROLES.includes(role));

/**
 * Trusted operations: when enforced, a caller who may not query ad hoc (the HR and claims
 * screens) may send only the operations of the manifest, by their exact body or by their id
 * alone (see manifestPersistedQueries). Anything else is refused with 403 before it runs, so
 * a stolen screen token cannot be used to ask the supergraph new questions.
 */
export function trustedOperations(options: TrustedOperationsOptions): ApolloServerPlugin<GatewayContext> {
  const trustedIds = new Set(options.manifest.operations.map((operation) => operation.id));
  return {
    async requestDidStart({ contextValue }) {
      if (!options.enforce || options.mayQueryAdHoc(contextValue)) return;
      return {
        // The first hook where Apollo turns a thrown error into an answer with its status.
        async didResolveOperation({ source }) {
          if (trustedIds.has(operationIdOf(source))) return;
          throw new GraphQLError('This caller may send only the published operations.', {
            extensions: { code: OPERATION_NOT_TRUSTED, http: { status: 403 } },
          });
        },
      };
    },
  };
}

/** Apollo Server prefixes the keys of its persisted query cache with this. */
const APQ_KEY_PREFIX = 'apq:';

type QueryCache = NonNullable<PersistedQueryOptions['cache']>;

/**
 * Apollo Server's `persistedQueries` option over the manifest: a request carrying only
 * `extensions.persistedQuery.sha256Hash` of a manifest operation runs that operation's body.
 * The cache is read-only, so, unlike Apollo's default automatic persisted queries, no client
 * can register operations of its own (and fill the gateway's memory doing so).
 */
export function manifestPersistedQueries(manifest: OperationManifest): PersistedQueryOptions {
  const bodies = new Map(manifest.operations.map((operation) => [operation.id, operation.body]));
  const cache: QueryCache = {
    async get(key) {
      return bodies.get(key.startsWith(APQ_KEY_PREFIX) ? key.slice(APQ_KEY_PREFIX.length) : key);
    },
    async set() {},
    async delete() {
      return false;
    },
  };
  return { cache, ttl: null };
}
