import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../context';
import { QUERY_LIMIT_CODES, QueryLimitError } from './query-limit-error';
import { isTokenLimitFailure } from './token-limit';

/**
 * Apollo Server reports every validation error as GRAPHQL_VALIDATION_FAILED and every parse
 * error as GRAPHQL_PARSE_FAILED, overwriting the code a validation rule gave. The error it wraps
 * stays its `originalError`, so before the errors are formatted this puts our code back: clients
 * must be able to tell "too deep" from "no such field". The HTTP status stays Apollo's 400.
 */
export function limitErrorCodesPlugin(maxTokens: number): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, source }) {
          for (const error of errors) {
            if (error.originalError instanceof QueryLimitError) {
              error.extensions.code = error.originalError.code;
            } else if (
              error.extensions.code === 'GRAPHQL_PARSE_FAILED' &&
              isTokenLimitFailure(error, source, maxTokens)
            ) {
              error.extensions.code = QUERY_LIMIT_CODES.tokens;
              error.message = `Token limit of ${maxTokens} exceeded.`;
            }
          }
        },
      };
    },
  };
}
