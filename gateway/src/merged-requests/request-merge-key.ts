import { createHash } from 'node:crypto';
import type { GraphQLRequestContextResponseForOperation } from '@apollo/server';
import type { GraphQLSchema } from 'graphql';
import type { GatewayContext } from '../context';

const schemaIds = new WeakMap<GraphQLSchema, number>();
let lastSchemaId = 0;

/** Which supergraph shaped an answer: after a reload, requests on the new one never take an old answer. */
function schemaIdOf(schema: GraphQLSchema): number {
  let id = schemaIds.get(schema);
  if (id === undefined) {
    id = ++lastSchemaId;
    schemaIds.set(schema, id);
  }
  return id;
}

/**
 * Everything that can change a request's answer or what the agencies audit, in one key: the
 * supergraph, the operation (its text's hash, name and variables) and everything the gateway
 * knows about the request but its id: the caller as a whole (subject, agency, roles, units), the
 * purpose, the data subject, the published operation, and whatever is added to the context
 * later. Taking the whole context keeps a new field from silently merging requests it should
 * keep apart.
 */
export function requestMergeKey({
  schema,
  queryHash,
  operationName,
  request,
  contextValue,
}: GraphQLRequestContextResponseForOperation<GatewayContext>): string {
  const { requestId: _requestId, ...aboutTheRequest } = contextValue;
  const parts = {
    schema: schemaIdOf(schema),
    queryHash,
    operationName: operationName ?? null,
    variables: request.variables ?? null,
    context: aboutTheRequest,
  };
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url');
}
