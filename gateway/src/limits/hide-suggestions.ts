import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../context';

/**
 * graphql-js ends a message with ` Did you mean "name"?` or ` Did you mean the enum value "X"?`.
 * With introspection off, those hints still map the schema for anyone probing with typos.
 */
const SUGGESTION = / ?Did you mean .+\?$/;

/**
 * Removes suggestions from every error, validation and execution alike (an enum variable's
 * coercion error suggests values too). graphql-armor's block-field-suggestions only masks
 * `Did you mean "…"`, so it lets enum values through; Apollo's own DisableSuggestions plugin only
 * sees validation errors.
 */
export function hideSuggestionsPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) error.message = error.message.replace(SUGGESTION, '');
        },
      };
    },
  };
}
