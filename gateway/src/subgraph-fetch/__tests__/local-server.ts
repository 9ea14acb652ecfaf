import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer as createTcpServer } from 'node:net';

export type Handler = (request: IncomingMessage, response: ServerResponse, requestNumber: number) => void;

/** A real HTTP server on 127.0.0.1 that counts what the fetcher does to it. */
export interface LocalServer {
  url: string;
  /** Requests received so far (each attempt is one). */
  readonly requests: number;
  /** TCP connections accepted so far. */
  readonly connections: number;
  /** When each request arrived (performance.now()). */
  readonly arrivals: number[];
  /** Replaces how requests are answered from now on. */
  answerWith(handler: Handler): void;
  close(): Promise<void>;
}

export async function startLocalServer(handler: Handler): Promise<LocalServer> {
  let current = handler;
  let requests = 0;
  let connections = 0;
  const arrivals: number[] = [];
  const server = createServer((request, response) => {
    requests += 1;
    arrivals.push(performance.now());
    // The body is read so that the connection can carry the next request.
    request.resume();
    request.once('end', () => current(request, response, requests));
  });
  server.on('connection', () => {
    connections += 1;
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    get requests() {
      return requests;
    },
    get connections() {
      return connections;
    },
    arrivals,
    answerWith(next) {
      current = next;
    },
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

/** A loopback URL on which nothing listens: connecting is refused. */
export async function refusingUrl(): Promise<string> {
  const probe = createTcpServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  probe.close();
  await once(probe, 'close');
  return `http://127.0.0.1:${port}/graphql`;
}

export function answerJson(status = 200, body: unknown = { data: { ok: true } }, headers: Record<string, string> = {}) {
  return (_request: IncomingMessage, response: ServerResponse) => {
    response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    response.end(JSON.stringify(body));
  };
}

export const QUERY_BODY = JSON.stringify({ query: '{ ok }' });
export const MUTATION_BODY = JSON.stringify({ query: 'mutation { enroll }' });

export const post = (body: string) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body,
});
