import { Kind, parse, type OperationTypeNode } from 'graphql';

/**
 * The operation type (`query`, `mutation`, `subscription`) of a GraphQL-over-HTTP request body, as
 * the subgraph will execute it; undefined when it cannot be told (no query text, a syntax error,
 * an ambiguous document). Retries depend on this, so anything uncertain counts as "not a query".
 */
export function operationTypeOfBody(body: string | Buffer | undefined): OperationTypeNode | undefined {
  if (body === undefined) return undefined;
  let request: unknown;
  try {
    request = JSON.parse(body.toString());
  } catch {
    return undefined;
  }
  if (typeof request !== 'object' || request === null) return undefined;
  const { query, operationName } = request as { query?: unknown; operationName?: unknown };
  if (typeof query !== 'string') return undefined;
  let operations;
  try {
    operations = parse(query, { noLocation: true }).definitions.filter(
      (definition) => definition.kind === Kind.OPERATION_DEFINITION,
    );
  } catch {
    return undefined;
  }
  // GraphQL executes the named operation, or the only one when the document has just one.
  const executed =
    typeof operationName === 'string'
      ? operations.find((operation) => operation.name?.value === operationName)
      : operations.length === 1
        ? operations[0]
        : undefined;
  return executed?.operation;
}
