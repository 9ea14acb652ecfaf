import { Kind, parse, type OperationTypeNode } from 'graphql';
import { BoundedVerdicts } from './bounded-verdicts';

/** The operations of one document, by name (undefined for an anonymous one); null when it does not parse. */
type Operations = ReadonlyMap<string | undefined, OperationTypeNode> | null;

/** The planner sends a few hundred distinct operation texts at most; each is parsed once, not per fetch. */
const documents = new BoundedVerdicts<Operations>(1_000);

function operationsOf(query: string): Operations {
  let operations = documents.get(query);
  if (operations === undefined) {
    try {
      operations = new Map(
        parse(query, { noLocation: true })
          .definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION)
          .map((operation) => [operation.name?.value, operation.operation]),
      );
    } catch {
      operations = null;
    }
    documents.set(query, operations);
  }
  return operations;
}

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
  const operations = operationsOf(query);
  if (!operations) return undefined;
  // GraphQL executes the named operation, or the only one when the document has just one.
  if (typeof operationName === 'string') return operations.get(operationName);
  return operations.size === 1 ? operations.values().next().value : undefined;
}
