import { readEnvironment } from './read-environment';
import { z } from 'zod';

/** What one HTTP server of the system puts up with from its clients. */
export interface HttpServerLimits {
  /** How long a client may take to send a request's headers; the connection is closed after. */
  headersTimeoutMs: number;
  /** How long a client may take to send a whole request, body included. */
  requestTimeoutMs: number;
  /** Connections open at once; the server drops further ones as they arrive. */
  maxConnections: number;
}

/**
 * Ten seconds for headers is an age for any client, even on a slow link, and caps what a
 * slowloris holds; thirty for a whole request covers the 1 MiB the gateway accepts (8 MiB from
 * the gateway to a subgraph, on the data centre's network). A thousand connections is far above
 * what the load balancer or the gateway's pools open (16 per subgraph per gateway) and far below
 * the file descriptors a process has.
 */
export const DEFAULT_HTTP_SERVER_LIMITS: HttpServerLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  maxConnections: 1_000,
};

/** The variables every service reads about its HTTP server; config readers spread this into their schema. */
export const httpServerEnvShape = {
  HTTP_HEADERS_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(100)
    .max(600_000)
    .default(DEFAULT_HTTP_SERVER_LIMITS.headersTimeoutMs),
  HTTP_REQUEST_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(100)
    .max(600_000)
    .default(DEFAULT_HTTP_SERVER_LIMITS.requestTimeoutMs),
  HTTP_MAX_CONNECTIONS: z.coerce
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .default(DEFAULT_HTTP_SERVER_LIMITS.maxConnections),
};

type HttpServerValues = z.infer<z.ZodObject<typeof httpServerEnvShape>>;

/** The limits from parsed variables; a request cannot finish before its headers have, so Node refuses that. */
export function httpServerLimitsOf(values: HttpServerValues): HttpServerLimits {
  if (values.HTTP_HEADERS_TIMEOUT_MS > values.HTTP_REQUEST_TIMEOUT_MS) {
    throw new Error('HTTP_HEADERS_TIMEOUT_MS: must not be longer than HTTP_REQUEST_TIMEOUT_MS');
  }
  return {
    headersTimeoutMs: values.HTTP_HEADERS_TIMEOUT_MS,
    requestTimeoutMs: values.HTTP_REQUEST_TIMEOUT_MS,
    maxConnections: values.HTTP_MAX_CONNECTIONS,
  };
}

/** Reads the HTTP server limits on their own (the gateway's config takes them from here). */
export function readHttpServerConfig(env: Record<string, string | undefined>): HttpServerLimits {
  const values = readEnvironment(httpServerEnvShape, env, 'HTTP server');
  try {
    return httpServerLimitsOf(values);
  } catch (error) {
    throw new Error(`Invalid HTTP server configuration: ${(error as Error).message}`, { cause: error });
  }
}
