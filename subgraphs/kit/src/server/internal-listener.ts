import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RouteHandler } from './route-handler';

/** An address for what only the operators' network should reach (`/metrics`). */
export interface InternalListener {
  host: string;
  port: number;
}

export interface InternalServer {
  /** Base URL with the port actually bound, e.g. `http://127.0.0.1:9000`. */
  readonly url: string;
  close(): Promise<void>;
}

/** A second, plain HTTP server for a service's internal routes, apart from its public one. */
export async function startInternalServer(
  listener: InternalListener,
  routes: Record<string, RouteHandler>,
  onError: (error: unknown) => void,
): Promise<InternalServer> {
  const server: Server = createServer((request, response) => {
    const handler = routes[new URL(request.url ?? '/', 'http://localhost').pathname];
    if (!handler) {
      response.writeHead(404).end();
      return;
    }
    Promise.resolve(handler(request, response)).catch((error: unknown) => {
      onError(error);
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  // A scraper calls every few seconds; nothing here needs a kept-alive connection for long.
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listener.port, listener.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = listener.host === '0.0.0.0' || listener.host === '::' ? 'localhost' : listener.host;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
