import type { ApolloServerPlugin } from '@apollo/server';
import type { WithheldFields } from './withheld-fields';

/**
 * Sends the fields the policy withheld from a request as one FORBIDDEN error each (see
 * WithheldFields). It rewrites the answer before any await, so plugins listed after it (metrics,
 * the request log) read the errors the client gets.
 */
export function withheldFieldsPlugin(): ApolloServerPlugin<{ withheldFields: WithheldFields }> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const body = response.body;
          const result = body.kind === 'single' ? body.singleResult : body.initialResult;
          const errors = contextValue.withheldFields.merge(result.errors);
          if (errors !== result.errors) result.errors = errors;
        },
      };
    },
  };
}
