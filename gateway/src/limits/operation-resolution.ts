import type { ApolloServerPlugin } from '@apollo/server';
import { JembatanError, type ErrorCode } from '@jembatan/kit/errors';
import { Kind, type DocumentNode } from 'graphql';
import type { GatewayContext } from '../context';

/**
 * Longer than any name a person gives an operation (the longest saved one has 24 characters).
 * The name travels on in the gateway's token to each subgraph, in logs, metrics and audit
 * records; a 12,000-character name makes that token header too large for the subgraph.
 */
export const MAX_OPERATION_NAME_LENGTH = 128;

const refusal = (code: ErrorCode, message: string) => new JembatanError(code, message, { http: { status: 400 } });

const operationCountOf = (document: DocumentNode | undefined): number =>
  document?.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION).length ?? 0;

/**
 * Client mistakes about which operation to run, answered as such (400, a code of their own)
 * before anything is planned. Apollo Server leaves an unresolvable operation to the executor,
 * and @apollo/gateway's executor throws a plain error for it: an HTTP 500 logged as ours.
 */
export function operationResolutionPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, operation, document }) {
          const names = [request.operationName, operation?.name?.value];
          if (names.some((name) => name !== undefined && name !== null && name.length > MAX_OPERATION_NAME_LENGTH)) {
            throw refusal('BAD_REQUEST', `Operation names are at most ${MAX_OPERATION_NAME_LENGTH} characters long.`);
          }
          if (operation) return;
          if (request.operationName === undefined || request.operationName === null) {
            throw refusal(
              'OPERATION_NAME_REQUIRED',
              `The document holds ${operationCountOf(document)} operations; name the one to run in operationName.`,
            );
          }
          throw refusal('UNKNOWN_OPERATION_NAME', 'operationName names no operation of the document.');
        },
      };
    },
  };
}
