import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from '../context';
import type { OperationManifest } from '../limits/operation-manifest';

/**
 * Decides once per request which published operation (schema/operations) it runs: its exact body
 * (sent as text or by id) and, among that body's operations, the one the manifest names. That
 * name, and only that name, is what metrics, logs, the subgraphs' tokens and so the audit trail
 * carry; anything else is ad hoc, whatever the client called it.
 */
export function publishedOperationPlugin(manifest: OperationManifest): ApolloServerPlugin<GatewayContext> {
  const nameByBody = new Map(manifest.operations.map((operation) => [operation.body, operation.name]));
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ source, operation, contextValue }) {
          const published = nameByBody.get(source);
          contextValue.publishedOperation =
            published !== undefined && operation?.name?.value === published ? published : null;
        },
      };
    },
  };
}
