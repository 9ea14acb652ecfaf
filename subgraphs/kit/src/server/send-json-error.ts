import type { ServerResponse } from 'node:http';

/**
 * Answers with our error shape (`{ errors: [{ message, extensions: { code } }] }`) outside
 * Apollo: refusals before a request reaches GraphQL, and routes beside /graphql. `causes` are
 * further GraphQL errors to pass on after the first, as the client would have seen them.
 */
export function sendJsonError(
  response: ServerResponse,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
  causes: readonly unknown[] = [],
): void {
  response.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify({ errors: [{ message, extensions: { code } }, ...causes] }));
}
