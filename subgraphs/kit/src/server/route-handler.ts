import type { IncomingMessage, ServerResponse } from 'node:http';

/** One endpoint of a service's HTTP server: GraphQL, health, readiness. */
export type RouteHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void> | void;
