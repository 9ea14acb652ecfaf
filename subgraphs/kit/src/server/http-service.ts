import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type RouteHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void> | void;

export interface HttpService {
  readonly server: Server;
  /** The URL of the GraphQL endpoint, with the port actually bound (tests listen on port 0). */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** How long `close` lets requests in flight finish before it cuts their connections. */
const CLOSE_GRACE_MS = 5_000;

export interface HttpServiceOptions {
  host: string;
  port: number;
  graphqlPath: string;
  graphql: RouteHandler;
  routes?: Record<string, RouteHandler>;
  onError: (error: unknown) => void;
}

/** Routes one HTTP server to the GraphQL handler and a service's other endpoints. */
export async function startHttpService(options: HttpServiceOptions): Promise<HttpService> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const handler = path === options.graphqlPath ? options.graphql : options.routes?.[path];
    if (!handler) {
      response.writeHead(404, { 'content-type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify({ error: 'not found', graphql: options.graphqlPath }));
      return;
    }
    Promise.resolve(handler(request, response)).catch((error: unknown) => {
      options.onError(error);
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
      response.end(
        JSON.stringify({
          errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
        }),
      );
    });
  });
  // Keep-alive connections from the gateway must outlive its pool's idle timeout.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const displayHost = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;
  return {
    server,
    port,
    url: `http://${displayHost}:${port}${options.graphqlPath}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        const cutoff = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
        server.close((error) => {
          clearTimeout(cutoff);
          if (error) reject(error);
          else resolve();
        });
        server.closeIdleConnections();
      }),
  };
}
