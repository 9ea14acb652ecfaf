import type { IncomingMessage } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import { Kind, parse, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { GatewayContext } from '../context';
import { variablesFromParameters } from './operation-variables';
import { locateList, tableOf, type ResultTable } from '@jembatan/kit/table';

/** A saved operation as the manifest publishes it. */
export interface ExportableOperation {
  name: string;
  body: string;
}

/** The export cannot be made; answered with this status and code, and the GraphQL errors behind it. */
export class ExportError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly graphqlErrors: readonly unknown[] = [],
  ) {
    super(message);
  }
}

interface GraphqlAnswer {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/**
 * The HTTP status of a CSV refusal for the first error of an incomplete GraphQL answer that
 * Apollo answered with 200. Refusals of the caller (401, 429) happen before the operation runs,
 * and Apollo's own refusals carry their status (`OPERATION_NOT_TRUSTED` is 403).
 */
function statusForCode(code: string | undefined): number {
  switch (code) {
    case 'FORBIDDEN':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'SUBGRAPH_UNAVAILABLE':
    case 'SUBGRAPH_TIMEOUT':
      return 503;
    case 'INTERNAL_SERVER_ERROR':
    case undefined:
      return 500;
    default:
      // The agencies' input codes: INVALID_*, BAD_USER_INPUT, PAGE_SIZE_OUT_OF_RANGE.
      return 400;
  }
}

export interface CsvExportRequest {
  operation: ExportableOperation;
  variables: ReadonlyMap<string, string>;
  /** Dotted path of the list to tabulate; the operation's first list when absent. */
  table?: string;
}

export interface CsvExporterOptions {
  apollo: ApolloServer<GatewayContext>;
  /** The schema clients see, for reading the parameters as the operation's variables. */
  apiSchema: () => GraphQLSchema | undefined;
  /** The most rows one export follows a connection's pages for. */
  maxRows: number;
  /**
   * Counts each page after the first against the caller's rate limit (the first was counted
   * with the request), since each is a query of its own for the agencies; throws
   * RequestRejectedError to stop the export, which then makes no file.
   */
  admitFurtherPage: (context: GatewayContext) => Promise<void>;
}

/**
 * Runs a saved operation for a caller through the gateway's own Apollo pipeline (limits,
 * trusted operations, cache, the agencies' policies and audit trails all apply, as for
 * /graphql) and cuts the answer into one table. A connection is followed page by page to its
 * end, up to maxRows. The table is made only from a complete answer: a CSV with an agency's
 * numbers silently missing would be read as zeros in a spreadsheet.
 */
export function createCsvExporter(options: CsvExporterOptions) {
  const documents = new Map<string, OperationDefinitionNode>();
  const definitionOf = (operation: ExportableOperation): OperationDefinitionNode => {
    let definition = documents.get(operation.body);
    if (!definition) {
      definition = parse(operation.body).definitions.find(
        (node): node is OperationDefinitionNode => node.kind === Kind.OPERATION_DEFINITION,
      );
      if (!definition) throw new Error(`Saved operation ${operation.name} holds no operation`);
      documents.set(operation.body, definition);
    }
    return definition;
  };

  const run = async (
    request: IncomingMessage,
    context: GatewayContext,
    operation: ExportableOperation,
    variables: Record<string, unknown>,
  ): Promise<Record<string, unknown>> => {
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(request.headers)) {
      if (typeof value === 'string') headers.set(name, value);
    }
    headers.set('content-type', 'application/json');
    // The caller accepts the CSV this route makes; the operation inside answers Apollo's JSON.
    headers.set('accept', 'application/json');
    const result = await options.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: 'POST',
        headers,
        search: '',
        body: { query: operation.body, operationName: operation.name, variables },
      },
      context: async () => context,
    });
    const text = result.body.kind === 'complete' ? result.body.string : await collect(result.body.asyncIterator);
    const answer = JSON.parse(text) as GraphqlAnswer;
    const [firstError] = answer.errors ?? [];
    if (firstError || !answer.data) {
      const code = firstError?.extensions?.code;
      const status = result.status && result.status >= 400 ? result.status : statusForCode(code);
      throw new ExportError(
        status,
        code ?? 'INTERNAL_SERVER_ERROR',
        'The answer was incomplete, so no CSV was made',
        answer.errors,
      );
    }
    return answer.data;
  };

  return async (
    request: IncomingMessage,
    context: GatewayContext,
    exportRequest: CsvExportRequest,
  ): Promise<ResultTable> => {
    const schema = options.apiSchema();
    if (!schema) throw new ExportError(503, 'SUBGRAPH_UNAVAILABLE', 'The supergraph is not loaded yet');
    const definition = definitionOf(exportRequest.operation);
    let variables: Record<string, unknown>;
    try {
      variables = variablesFromParameters(schema, definition, exportRequest.variables);
    } catch (error) {
      throw new ExportError(400, 'BAD_USER_INPUT', (error as Error).message);
    }
    const pages = (definition.variableDefinitions ?? []).some((variable) => variable.variable.name.value === 'after');
    const items: Record<string, unknown>[] = [];
    for (;;) {
      const data = await run(request, context, exportRequest.operation, variables);
      let list;
      try {
        list = locateList(data, exportRequest.table);
      } catch (error) {
        throw new ExportError(400, 'BAD_USER_INPUT', (error as Error).message);
      }
      items.push(...list.items);
      if (items.length > options.maxRows) {
        throw new ExportError(
          400,
          'EXPORT_TOO_LARGE',
          `The table has more than ${options.maxRows} rows; narrow it with the operation's filters`,
        );
      }
      if (!pages || !list.nextPage?.hasNextPage || !list.nextPage.endCursor) break;
      await options.admitFurtherPage(context);
      variables = { ...variables, after: list.nextPage.endCursor };
    }
    return tableOf(items);
  };
}

async function collect(chunks: AsyncIterableIterator<string>): Promise<string> {
  let text = '';
  for await (const chunk of chunks) text += chunk;
  return text;
}
