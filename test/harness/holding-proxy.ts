import { once } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { AUDIT_COPY_PATH } from '@jembatan/kit/access';

/** Headers about one hop or the bytes on the wire, not the answer: the proxy's own connection sets them. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'content-encoding',
  'host',
]);

export interface HoldingProxy {
  /** Where the gateway is told the agency runs. */
  readonly url: string;
  /** The fetches that reached the agency through this proxy so far. */
  readonly fetches: number;
  /** The audit copies of merged fetches the gateway asked the agency for (not held, not fetches). */
  readonly auditCopies: number;
  /** Where the real subgraph runs: known only once it has started. */
  forwardTo(url: string): void;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString();
}

/**
 * An agency's address as the gateway knows it: forwards every fetch to the real subgraph, headers
 * (`Cache-Control` among them) and all, and holds each answer for `holdMs`, so that requests sent
 * together are all in flight at the gateway at once, as under load. Counts the fetches it forwards.
 * Audit copies (POST /audit-copy) go to the agency's own path, unheld, and are counted apart.
 */
export async function startHoldingProxy(holdMs: number): Promise<HoldingProxy> {
  let fetches = 0;
  let auditCopies = 0;
  let targetUrl: string | undefined;
  const server = createServer(async (request, response) => {
    const auditCopy = request.url === AUDIT_COPY_PATH;
    if (auditCopy) auditCopies += 1;
    else fetches += 1;
    const headers = Object.fromEntries(
      Object.entries(request.headers).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string' && !HOP_BY_HOP.has(entry[0]),
      ),
    );
    if (!targetUrl) throw new Error('holding proxy: forwardTo was not called');
    const destination = auditCopy ? new URL(AUDIT_COPY_PATH, targetUrl) : targetUrl;
    const answer = await fetch(destination, { method: request.method, headers, body: await readBody(request) });
    const body = await answer.text();
    if (!auditCopy) await sleep(holdMs);
    answer.headers.forEach((value, name) => {
      if (!HOP_BY_HOP.has(name)) response.setHeader(name, value);
    });
    response.statusCode = answer.status;
    response.end(body);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    get fetches() {
      return fetches;
    },
    get auditCopies() {
      return auditCopies;
    },
    forwardTo(url) {
      targetUrl = url;
    },
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
