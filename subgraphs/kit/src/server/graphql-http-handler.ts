import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { PayloadTooLargeError, readBody } from './read-body';
import { RequestRejectedError } from './request-rejected';
import { sendJsonError } from './send-json-error';

export interface GraphqlHttpOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  /**
   * Builds the request's context before Apollo runs, from the request and its parsed body;
   * throwing RequestRejectedError answers with that status and code instead.
   */
  context: (request: IncomingMessage, body: unknown) => Promise<TContext>;
  bodyLimitBytes: number;
}

/**
 * Serves Apollo Server on Node's own http module. We own this layer (rather than Apollo's
 * standalone server) so that body limits, malformed JSON and the other routes of a service
 * (health, metrics, the playground) are under our control and answer with our error shape.
 */
export function createGraphqlHttpHandler<TContext extends BaseContext>(options: GraphqlHttpOptions<TContext>) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(request.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }

    let body: unknown = undefined;
    if (request.method === 'POST') {
      let raw: string;
      try {
        raw = await readBody(request, options.bodyLimitBytes);
      } catch (error) {
        if (error instanceof PayloadTooLargeError) {
          // The rest of the body is never read, so this connection cannot carry another request.
          response.setHeader('connection', 'close');
          return sendJsonError(response, 413, 'PAYLOAD_TOO_LARGE', error.message);
        }
        throw error;
      }
      if (headers.get('content-type')?.startsWith('application/json')) {
        try {
          body = JSON.parse(raw);
        } catch {
          return sendJsonError(response, 400, 'BAD_REQUEST', 'The request body is not valid JSON');
        }
      } else {
        body = raw;
      }
    }

    let context: TContext;
    try {
      context = await options.context(request, body);
    } catch (error) {
      if (error instanceof RequestRejectedError) {
        return sendJsonError(response, error.status, error.code, error.message, error.headers);
      }
      throw error;
    }
    const result = await options.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: request.method ?? 'GET', headers, search: url.search, body },
      context: async () => context,
    });
    for (const [name, value] of result.headers) response.setHeader(name, value);
    response.statusCode = result.status ?? 200;
    if (result.body.kind === 'complete') {
      response.end(result.body.string);
      return;
    }
    for await (const chunk of result.body.asyncIterator) response.write(chunk);
    response.end();
  };
}
