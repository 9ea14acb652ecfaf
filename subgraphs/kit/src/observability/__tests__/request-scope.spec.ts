import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { StatementCounter } from '../../db/statement-counter';
import { manyByKey, observeLoaderBatches, oneByKey } from '../../loaders/batch-by-key';
import { attributeStatementsToRequests } from '../request-scope/count-statements';
import { attributeLoaderBatchesToRequests } from '../request-scope/loader-batches';
import {
  currentRequestScope,
  newRequestScope,
  runInRequestScope,
  type RequestScope,
} from '../request-scope/request-scope';
import { withRequestScope } from '../request-scope/with-request-scope';

let server: Server | undefined;
afterEach(async () => {
  observeLoaderBatches(undefined);
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

/** Serves one handler wrapped in withRequestScope and records what each request saw. */
async function serveScoped(onFinish: (scope: RequestScope) => void) {
  const seen: { header: unknown; scopeId: string | undefined }[] = [];
  const handler = withRequestScope(
    async (request: IncomingMessage, response) => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      seen.push({ header: request.headers['x-request-id'], scopeId: currentRequestScope()?.requestId });
      response.end('ok');
    },
    { onFinish },
  );
  server = createServer((request, response) => void handler(request, response));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return { url, seen };
}

describe('withRequestScope', () => {
  it("keeps the caller's request id, and gives every line and reader of the request the same one", async () => {
    const finished: RequestScope[] = [];
    const { url, seen } = await serveScoped((scope) => finished.push(scope));
    await fetch(url, { headers: { 'x-request-id': 'from-the-gateway-1' } });
    expect(seen).toEqual([{ header: 'from-the-gateway-1', scopeId: 'from-the-gateway-1' }]);
    expect(finished.map((scope) => scope.requestId)).toEqual(['from-the-gateway-1']);
  });

  it('assigns an id when the caller sent none (or an implausible one) and writes it back into the request', async () => {
    const { url, seen } = await serveScoped(() => {});
    await fetch(url);
    await fetch(url, { headers: { 'x-request-id': 'not an id; <script>' } });
    for (const { header, scopeId } of seen) {
      expect(scopeId).toMatch(/^[0-9a-f-]{36}$/);
      expect(header).toBe(scopeId);
    }
    expect(seen[0]!.scopeId).not.toBe(seen[1]!.scopeId);
  });
});

describe('per-request costs', () => {
  it('attributes each SQL statement to the request that sent it, concurrently, and counts every one', async () => {
    const counter = new StatementCounter();
    attributeStatementsToRequests(counter);
    attributeStatementsToRequests(counter); // wired twice: still counted once
    const request = (id: string, statements: number) => {
      const scope = newRequestScope(id);
      return runInRequestScope(scope, async () => {
        for (let i = 0; i < statements; i += 1) {
          await new Promise((resolve) => setTimeout(resolve, 1));
          counter.logQuery('SELECT 1');
        }
        return scope;
      });
    };
    const [two, five] = await Promise.all([request('a', 2), request('b', 5)]);
    counter.logQuery('SELECT 1'); // outside any request: counted in total, attributed to none
    expect([two.statements, five.statements]).toEqual([2, 5]);
    expect(counter.count).toBe(8);
  });

  it('records the keys of every batch resolved through oneByKey or manyByKey in the current request', async () => {
    attributeLoaderBatchesToRequests();
    const scope = newRequestScope('r');
    await runInRequestScope(scope, async () => {
      await Promise.resolve();
      oneByKey(['a', 'b', 'c'], [{ id: 'a' }], (row) => row.id);
      manyByKey(['x'], [], (row: { id: string }) => row.id);
    });
    oneByKey(['outside'], [], (row: { id: string }) => row.id);
    expect(scope.loaderBatchSizes).toEqual([3, 1]);
  });
});
