import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_HTTP_SERVER_LIMITS, type HttpServerLimits } from '../config/http-server-config';
import type { ReadinessCheck } from './readiness-check';
import { readinessRoute } from './readiness-route';
import type { RouteHandler } from './route-handler';
import { startInternalServer, type InternalListener, type InternalServer } from './internal-listener';

export type { CheckOutcome, ReadinessCheck, ReadinessReport } from './readiness-check';
export type { RouteHandler } from './route-handler';

export interface HttpService {
  readonly server: Server;
  /** The URL of the GraphQL endpoint, with the port actually bound (tests listen on port 0). */
  readonly url: string;
  readonly port: number;
  /** Base URL of the internal listener serving the internal routes, when there is one. */
  readonly internalUrl?: string;
  /** How long `close` lets requests in flight finish before it cuts their connections. */
  readonly shutdownGraceMs: number;
  /**
   * Drains the service: stops accepting connections, answers readiness with 503 from then on,
   * lets requests in flight finish (closing each connection after its answer) for up to the
   * grace period, then cuts whatever is left. Calling it again returns the same promise.
   */
  close(): Promise<void>;
  /** How many requests `close` cut at the end of the grace period; 0 after a clean drain. */
  requestsCut(): number;
}

/**
 * The grace period of callers that pass none (services built in-process, as in tests), as it
 * has always been; services started from the environment pass SHUTDOWN_GRACE_MS.
 */
export const DEFAULT_HTTP_CLOSE_GRACE_MS = 5_000;

/** Where a service given readiness checks answers them. */
export const READINESS_PATH = '/ready';

export interface HttpServiceOptions {
  host: string;
  port: number;
  /** The variable that sets `port` (GATEWAY_PORT, WORKFORCE_PORT), for the message when it cannot be bound. */
  portVariable?: string;
  graphqlPath: string;
  graphql: RouteHandler;
  routes?: Record<string, RouteHandler>;
  /** `/metrics`: on `internalListener` when given, else with the public routes. */
  internalRoutes?: Record<string, RouteHandler>;
  /** A second address for the internal routes, kept off the public port (`<SERVICE>_METRICS_PORT`). */
  internalListener?: InternalListener;
  /** Handlers for every path under a prefix (ending in `/`), e.g. a folder of static files; exact routes win. */
  prefixRoutes?: Record<string, RouteHandler>;
  /** Served at READINESS_PATH, turning 503 `draining` as soon as `close` begins. */
  readiness?: readonly ReadinessCheck[];
  /** See HttpService.shutdownGraceMs; DEFAULT_HTTP_CLOSE_GRACE_MS when absent. */
  shutdownGraceMs?: number;
  /** Header and request timeouts and the connection cap; DEFAULT_HTTP_SERVER_LIMITS when absent. */
  limits?: HttpServerLimits;
  onError: (error: unknown) => void;
}

/**
 * How often Node looks for connections past their header or request timeout: it closes them only
 * when it looks (every 30 s by default, so a 10 s header timeout could hold a slow client for
 * 40 s). A quarter of the header timeout, at most a second, keeps the overshoot small for a
 * sweep over the open connections that costs next to nothing.
 */
export const connectionsCheckingIntervalFor = (headersTimeoutMs: number): number =>
  Math.min(1_000, Math.ceil(headersTimeoutMs / 4));

const JSON_CONTENT = { 'content-type': 'application/json; charset=utf-8' };

/** Routes one HTTP server to the GraphQL handler and a service's other endpoints. */
export async function startHttpService(options: HttpServiceOptions): Promise<HttpService> {
  const shutdownGraceMs = options.shutdownGraceMs ?? DEFAULT_HTTP_CLOSE_GRACE_MS;
  let draining = false;
  let cut = 0;
  let closed: Promise<void> | undefined;
  const inFlight = new Set<ServerResponse>();
  const routes = withReadiness(
    options.internalListener ? options : { ...options, routes: { ...options.routes, ...options.internalRoutes } },
    () => draining,
  );
  const prefixes = Object.entries(options.prefixRoutes ?? {});
  const prefixRouteFor = (path: string) => prefixes.find(([prefix]) => path.startsWith(prefix))?.[1];

  const limits = options.limits ?? DEFAULT_HTTP_SERVER_LIMITS;
  const serverOptions = {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    connectionsCheckingInterval: connectionsCheckingIntervalFor(limits.headersTimeoutMs),
  };
  const server = createServer(serverOptions, (request, response) => {
    inFlight.add(response);
    response.once('close', () => {
      inFlight.delete(response);
      // Node closes the connections that were idle when close() began; this one became idle since.
      if (draining) setImmediate(() => server.closeIdleConnections());
    });
    // A client on a kept-alive connection must open a new one (to another replica) next time.
    if (draining) response.setHeader('connection', 'close');

    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const handler = path === options.graphqlPath ? options.graphql : (routes[path] ?? prefixRouteFor(path));
    if (!handler) {
      response.writeHead(404, JSON_CONTENT);
      response.end(JSON.stringify({ error: 'not found', graphql: options.graphqlPath }));
      return;
    }
    Promise.resolve(handler(request, response)).catch((error: unknown) => {
      options.onError(error);
      if (!response.headersSent) response.writeHead(500, JSON_CONTENT);
      response.end(
        JSON.stringify({
          errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
        }),
      );
    });
  });
  // Keep-alive connections from the gateway must outlive its pool's idle timeout.
  server.keepAliveTimeout = 65_000;
  // Past the cap Node drops a new connection at once: one client cannot use up the descriptors.
  server.maxConnections = limits.maxConnections;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) => reject(listenProblem(error, options)));
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  let internal: InternalServer | undefined;
  try {
    if (options.internalListener) {
      internal = await startInternalServer(options.internalListener, options.internalRoutes ?? {}, options.onError);
    }
  } catch (error) {
    server.close();
    throw error;
  }
  const displayHost = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;

  const drain = () =>
    new Promise<void>((resolve, reject) => {
      draining = true;
      for (const response of inFlight) if (!response.headersSent) response.setHeader('connection', 'close');
      const cutoff = setTimeout(() => {
        cut = inFlight.size;
        server.closeAllConnections();
      }, shutdownGraceMs);
      server.close((error) => {
        clearTimeout(cutoff);
        // Metrics stay scrapeable for as long as the service drains.
        void (internal?.close() ?? Promise.resolve()).then(() => (error ? reject(error) : resolve()));
      });
      server.closeIdleConnections();
    });

  return {
    server,
    port,
    url: `http://${displayHost}:${port}${options.graphqlPath}`,
    internalUrl: internal?.url,
    shutdownGraceMs,
    close: () => (closed ??= drain()),
    requestsCut: () => cut,
  };
}

function withReadiness(options: HttpServiceOptions, isDraining: () => boolean): Record<string, RouteHandler> {
  if (!options.readiness) return options.routes ?? {};
  if (options.routes?.[READINESS_PATH]) {
    throw new Error(`${READINESS_PATH} is served from the readiness checks; do not route it as well`);
  }
  return { ...options.routes, [READINESS_PATH]: readinessRoute(options.readiness, { isDraining }) };
}

/** Why a port could not be bound, and what to change: the raw EADDRINUSE names neither. */
function listenProblem(error: NodeJS.ErrnoException, { host, port, portVariable }: HttpServiceOptions): Error {
  const change = portVariable ? `set ${portVariable} to another port` : 'choose another port';
  if (error.code === 'EADDRINUSE') {
    return new Error(
      `Port ${port} on ${host} is already in use (another Jembatan service, or an earlier run still going?): ${change}, or stop what listens there (ss -ltnp 'sport = :${port}')`,
      { cause: error },
    );
  }
  if (error.code === 'EACCES') {
    return new Error(
      `Not allowed to listen on port ${port} on ${host}: ${change} (1024 or above needs no privileges)`,
      {
        cause: error,
      },
    );
  }
  if (error.code === 'EADDRNOTAVAIL') {
    return new Error(`${host} is not an address of this machine: set HOST to one it has (127.0.0.1, 0.0.0.0)`, {
      cause: error,
    });
  }
  return error;
}
