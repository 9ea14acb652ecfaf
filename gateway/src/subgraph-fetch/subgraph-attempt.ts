import type { IncomingHttpHeaders } from 'node:http';
import { Headers, type Dispatcher } from 'undici';
import { ParsedJsonResponse } from './parsed-json-response';
import { parseRetryAfterMs } from './retry-delay';
import { SubgraphFailure } from './subgraph-failure';

export interface SubgraphRequest {
  subgraph: string;
  url: URL;
  method: string;
  headers: Record<string, string>;
  body: string | Buffer | undefined;
}

const JSON_CONTENT_TYPE = /^application\/(graphql-response\+)?json\b/i;

function firstValue(header: string | string[] | undefined): string | undefined {
  return Array.isArray(header) ? header[0] : header;
}

function toHeaders(headers: IncomingHttpHeaders): Headers {
  const result = new Headers();
  for (const [name, value] of Object.entries(headers)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) result.append(name, item);
  }
  return result;
}

/** An I/O error as a failure: the deadline's abort is a timeout, anything else a broken connection. */
function ioFailure(subgraph: string, error: unknown, deadline: AbortSignal): SubgraphFailure {
  if (deadline.aborted) return new SubgraphFailure(subgraph, 'timeout', 'no complete answer before the deadline');
  const code = (error as { code?: unknown }).code;
  return new SubgraphFailure(
    subgraph,
    'connection',
    `connection failed (${typeof code === 'string' ? code : 'error'})`,
  );
}

function statusFailure(subgraph: string, status: number, headers: IncomingHttpHeaders): SubgraphFailure {
  const retryAfterMs = parseRetryAfterMs(firstValue(headers['retry-after']));
  if (status === 429) return new SubgraphFailure(subgraph, 'rate-limited', 'HTTP 429', { status, retryAfterMs });
  if (status >= 500) return new SubgraphFailure(subgraph, 'server-error', `HTTP ${status}`, { status, retryAfterMs });
  return new SubgraphFailure(subgraph, 'refused', `HTTP ${status}`, { status });
}

/** The body as a GraphQL response: a JSON object with `data` or `errors`; undefined otherwise. */
function graphqlResponseBody(text: string): object | undefined {
  try {
    const body: unknown = JSON.parse(text);
    const isResponse = typeof body === 'object' && body !== null && ('data' in body || 'errors' in body);
    return isResponse ? body : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One HTTP exchange with a subgraph through its connection pool, the answer read in full before
 * the deadline. Resolves only to a 2xx JSON GraphQL response; everything else (no connection, a
 * non-2xx status, an HTML page, invalid JSON, the deadline) rejects with a SubgraphFailure.
 */
export async function attemptSubgraphRequest(
  pool: Dispatcher,
  request: SubgraphRequest,
  deadline: AbortSignal,
): Promise<ParsedJsonResponse> {
  const { subgraph, url } = request;
  let response: Dispatcher.ResponseData;
  try {
    response = await pool.request({
      origin: url.origin,
      path: `${url.pathname}${url.search}`,
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: deadline,
    });
  } catch (error) {
    throw ioFailure(subgraph, error, deadline);
  }
  const { statusCode, headers, body } = response;
  if (statusCode < 200 || statusCode >= 300) {
    // Read past the unwanted body (up to a limit) so the connection can serve the next request.
    await body.dump().catch(() => undefined);
    throw statusFailure(subgraph, statusCode, headers);
  }
  let text: string;
  try {
    text = await body.text();
  } catch (error) {
    throw ioFailure(subgraph, error, deadline);
  }
  const contentType = firstValue(headers['content-type']) ?? '';
  const parsed = JSON_CONTENT_TYPE.test(contentType) ? graphqlResponseBody(text) : undefined;
  if (!parsed)
    throw new SubgraphFailure(subgraph, 'invalid-response', `HTTP ${statusCode} without a GraphQL JSON body`);
  return new ParsedJsonResponse(statusCode, toHeaders(headers), text, parsed);
}
