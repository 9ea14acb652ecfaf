import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ScriptedAnswer {
  status?: number;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string as it is (for answers that are not GraphQL). */
  body: unknown;
}

export interface ReceivedRequest {
  method: string | undefined;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

export interface ScriptedGateway {
  url: string;
  /** Queues the answers to the next requests, in order. */
  answer(...answers: ScriptedAnswer[]): void;
  received: ReceivedRequest[];
  close(): Promise<void>;
}

/** A loopback HTTP server that answers with whatever a test scripts, and records what it was sent. */
export async function startScriptedGateway(): Promise<ScriptedGateway> {
  const queue: ScriptedAnswer[] = [];
  const received: ReceivedRequest[] = [];
  const server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => {
      received.push({ method: request.method, headers: request.headers, body: JSON.parse(text || '{}') });
      const next = queue.shift() ?? { status: 500, body: 'nothing scripted' };
      const isJson = typeof next.body !== 'string';
      response.writeHead(next.status ?? 200, {
        'content-type': isJson ? 'application/json' : 'text/html',
        ...next.headers,
      });
      response.end(isJson ? JSON.stringify(next.body) : next.body);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    answer: (...answers) => queue.push(...answers),
    received,
    close: () =>
      new Promise((done) => {
        server.close(() => done());
        // fetch keeps connections alive; close would wait for them.
        server.closeAllConnections();
      }),
  };
}
