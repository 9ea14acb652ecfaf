import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import { execute, GraphQLError, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

type Compiled = CompiledQuery | ExecutionResult;
/** graphql-jit's `compileQuery`, as this uses it (a spec counts the calls). */
export type Compile = (
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  options: { disablingCapturingStackErrors: boolean },
) => Compiled;

/** GRAPHQL_EXECUTION: `graphql-js` is the fallback an operator can turn to without a release. */
export type GraphqlExecution = 'compiled' | 'graphql-js';

/**
 * Executes each operation through code compiled for it (graphql-jit) instead of graphql-js walking
 * the document field by field on every row: the subgraphs only ever run the operations the
 * gateway's query plans send, a small fixed set, so each is compiled once and reused.
 *
 * Apollo Server 4 and later take a custom executor only from a gateway (`GatewayInterface`), so
 * this presents the subgraph's own schema as one; parsing, validation, plugins and error
 * formatting stay Apollo Server's.
 */
export function compiledExecution(schema: GraphQLSchema, compile: Compile = compileQuery): GatewayInterface {
  // Keyed by the parsed document Apollo Server keeps in its document store: one compilation per
  // operation text, dropped with the document when the store evicts it.
  const compiledByDocument = new WeakMap<DocumentNode, Map<string, Compiled>>();

  const compiledFor = (document: DocumentNode, operationName: string | undefined): Compiled => {
    let byOperation = compiledByDocument.get(document);
    if (!byOperation) compiledByDocument.set(document, (byOperation = new Map()));
    const key = operationName ?? '';
    let compiled = byOperation.get(key);
    if (!compiled) {
      // Expected errors (a withheld field's FORBIDDEN) are data, not faults: no stack to capture.
      compiled = compile(schema, document, operationName, { disablingCapturingStackErrors: true });
      byOperation.set(key, compiled);
    }
    return compiled;
  };

  const executor: GatewayExecutor = async (requestContext) => {
    const compiled = compiledFor(requestContext.document, requestContext.request.operationName ?? undefined);
    if (!isCompiledQuery(compiled)) return compiled;
    const { request, document, context } = requestContext;
    const result = await compiled.query(undefined, context, request.variables ?? {});
    if (!result.errors) return result;
    // No data at all: the variables were refused before anything ran. graphql-js words that
    // refusal the way Apollo Server recognises as the client's fault (400, BAD_USER_INPUT), so it
    // answers it; nothing was resolved, so nothing runs twice.
    if (result.data === undefined) {
      return execute({
        schema,
        document,
        contextValue: context,
        variableValues: request.variables,
        operationName: request.operationName,
      });
    }
    return { ...result, errors: result.errors.map(asGraphQLJsError) };
  };

  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => {};
    },
    load: async () => ({ executor }),
    stop: async () => {},
  };
}

/**
 * graphql-jit reports an error as its own lookalike of GraphQLError, without the `extensions`
 * object graphql-js always sets (Apollo Server reads `extensions.code` of every error) and with
 * locations that graphql-js's constructor cannot take as such. Rebuilt here as graphql-js's
 * `locatedError` would have built it, so every error reads as before: same path, locations,
 * extensions and original error.
 */
function asGraphQLJsError(error: GraphQLError): GraphQLError {
  if (error.constructor === GraphQLError) return error;
  const rebuilt = new GraphQLError(error.message, {
    path: error.path,
    originalError: error.originalError ?? undefined,
  });
  if (error.locations) {
    Object.defineProperty(rebuilt, 'locations', { value: error.locations, enumerable: true, writable: true });
  }
  return rebuilt;
}
