import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../context';
import { QueryLimitError } from './query-limit-error';

/**
 * Past a limit, one error is the whole answer. graphql-js runs our limit rules in the same pass
 * as its own, and keeps validating after ours has refused: a hundred unknown directives would
 * answer a hundred and one errors, the cost of refusing growing with the abuse. graphql-js
 * offers no way to stop the pass, so this trims the answer to the first limit error as
 * validation ends (the pass itself stays bounded by the token limit and graphql's own cap of
 * 100 errors).
 */
export function firstLimitErrorOnlyPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async validationDidStart() {
          return async (errors) => {
            const limitError = errors?.find((error) => error instanceof QueryLimitError);
            if (!errors || !limitError) return;
            // Apollo answers with the very array it hands to this hook (Apollo Server 5; the
            // directive flood spec fails if that changes), and its type is only read-only for us.
            (errors as Error[]).splice(0, errors.length, limitError);
          };
        },
      };
    },
  };
}
