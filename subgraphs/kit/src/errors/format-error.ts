import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ERROR_CODES } from './error-codes';
import { JembatanError } from './jembatan-error';

const PASS_THROUGH_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/** Apollo Server's refusal, which tells the client to change server code it cannot reach. */
const APOLLO_INTROSPECTION_REFUSAL = 'GraphQL introspection is not allowed';
const INTROSPECTION_OFF =
  'Introspection is off in production. The schema is published with Jembatan (schema/supergraph.graphql, ' +
  'and schema/reference.md in words); an operator can open it to signed-in callers with PLAYGROUND=on.';

/**
 * Error masking: expected errors pass unchanged; an unexpected one (a bug, a database failure)
 * becomes a generic INTERNAL_SERVER_ERROR in production so no SQL, stack or host name leaks.
 * In development the original message is kept to make debugging quick.
 */
export function createFormatError(options: { production: boolean; onUnexpected?: (error: unknown) => void }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    if (formatted.message.startsWith(APOLLO_INTROSPECTION_REFUSAL)) {
      return { ...formatted, message: INTROSPECTION_OFF };
    }
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    const code = formatted.extensions?.code;
    // At the gateway, a subgraph's catalogued error arrives as a GraphQLError with its code whose
    // originalError is the subgraph's error as plain JSON (@apollo/gateway's downstreamServiceError),
    // so the code is read off the GraphQLError itself, never off what it wraps.
    const catalogued = typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR' && code in ERROR_CODES;
    const expected =
      original instanceof JembatanError ||
      (error instanceof GraphQLError && typeof code === 'string' && (catalogued || PASS_THROUGH_CODES.has(code)));
    if (expected) return formatted;
    // A subgraph's error arrives as plain JSON wrapped by @apollo/gateway; the wrapper is what
    // names the subgraph, so it is what gets reported (describeError reads both).
    options.onUnexpected?.(original instanceof Error ? original : error);
    if (!options.production) return formatted;
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
