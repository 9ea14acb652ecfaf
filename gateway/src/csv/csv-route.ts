import type { IncomingMessage, ServerResponse } from 'node:http';
import { RequestRejectedError, sendJsonError, type RouteHandler } from '@jembatan/kit/http';
import type { GatewayContext } from '../context';
import { ExportError, type CsvExportRequest, type ExportableOperation } from './csv-export';
import type { ResultTable } from '@jembatan/kit/table';
import { encodeCsv, type CsvSeparator } from './spreadsheet-csv';

export const CSV_PATH = '/csv';

/** Query parameters of /csv that are not the operation's variables. */
const CONTROL_PARAMETERS = new Set(['operation', 'table', 'separator']);
const SEPARATORS: Record<string, CsvSeparator> = { comma: ',', semicolon: ';' };

export interface CsvRouteOptions {
  /** The saved operations that may be exported, by name. */
  operations: () => readonly ExportableOperation[];
  /** Verifies the caller exactly as /graphql does; throws RequestRejectedError to refuse. */
  context: (request: IncomingMessage) => Promise<GatewayContext>;
  exportTable: (
    request: IncomingMessage,
    context: GatewayContext,
    exportRequest: CsvExportRequest,
  ) => Promise<ResultTable>;
}

function parametersOf(url: URL): { control: Map<string, string>; variables: Map<string, string> } {
  const control = new Map<string, string>();
  const variables = new Map<string, string>();
  for (const [name, value] of url.searchParams) {
    const into = CONTROL_PARAMETERS.has(name) ? control : variables;
    if (into.has(name)) throw new ExportError(400, 'BAD_USER_INPUT', `Parameter "${name}" is given more than once`);
    into.set(name, value);
  }
  return { control, variables };
}

/**
 * `GET /csv?operation=ClaimsByProgram&year=2016`: a saved operation's answer as a CSV file for
 * a spreadsheet, with the same token, purpose, limits and audit as /graphql. Only the published
 * operations can be exported: each is a reviewed question whose answer is naturally a table.
 */
export function csvRoute(options: CsvRouteOptions): RouteHandler {
  return async (request: IncomingMessage, response: ServerResponse) => {
    if (request.method !== 'GET') {
      sendJsonError(response, 405, 'BAD_REQUEST', 'Use GET for /csv', { allow: 'GET' });
      return;
    }
    try {
      // Who asks comes first: nobody without a token learns even which operations exist.
      const context = await options.context(request);
      const { control, variables } = parametersOf(new URL(request.url ?? '/', 'http://localhost'));
      const operations = options.operations();
      const available = operations.map((operation) => operation.name);
      const name = control.get('operation');
      if (!name) {
        throw new ExportError(400, 'BAD_USER_INPUT', `Name a saved operation: ?operation=${available.join('|')}`);
      }
      const operation = operations.find((candidate) => candidate.name === name);
      if (!operation) {
        throw new ExportError(404, 'NOT_FOUND', `No saved operation "${name}"; there are ${available.join(', ')}`);
      }
      const separatorName = control.get('separator') ?? 'comma';
      const separator = SEPARATORS[separatorName];
      if (!separator) throw new ExportError(400, 'BAD_USER_INPUT', 'separator is "comma" or "semicolon"');

      const table = await options.exportTable(request, context, { operation, variables, table: control.get('table') });
      response.writeHead(200, {
        'content-type': 'text/csv; charset=utf-8; header=present',
        'content-disposition': `attachment; filename="${operation.name}.csv"`,
        // Personal data may be in the file: no cache between the gateway and the analyst keeps it.
        'cache-control': 'no-store',
      });
      response.end(encodeCsv(table, separator));
    } catch (error) {
      if (error instanceof RequestRejectedError) {
        sendJsonError(response, error.status, error.code, error.message, error.headers);
      } else if (error instanceof ExportError) {
        sendJsonError(response, error.status, error.code, error.message, {}, error.graphqlErrors);
      } else {
        throw error;
      }
    }
  };
}
