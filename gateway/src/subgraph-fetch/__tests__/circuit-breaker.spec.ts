import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SUBGRAPH_RESILIENCE, type SubgraphResilience } from '../resilience-config';
import { SubgraphFailure } from '../subgraph-failure';
import { createSubgraphFetcher, type SubgraphFetcher } from '../subgraph-fetcher';
import { createSubgraphFetchers } from '../subgraph-fetchers';
import { answerJson, post, QUERY_BODY, startLocalServer, type Handler, type LocalServer } from './local-server';

const PAUSE_MS = 250;
const SETTINGS: SubgraphResilience = {
  ...DEFAULT_SUBGRAPH_RESILIENCE,
  timeoutMs: 2_000,
  retries: 0,
  breakerFailures: 3,
  breakerHalfOpenAfterMs: PAUSE_MS,
};

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function setup(handler: Handler, settings: Partial<SubgraphResilience> = {}) {
  const local: LocalServer = await startLocalServer(handler);
  const fetcher: SubgraphFetcher = createSubgraphFetcher({ subgraph: 'bpjs', settings: { ...SETTINGS, ...settings } });
  cleanups.push(
    () => local.close(),
    () => fetcher.close(),
  );
  const fetchOnce = () => fetcher.fetch(local.url, post(QUERY_BODY));
  const failureKind = () =>
    fetchOnce().then(
      () => 'ok',
      (error: unknown) => (error instanceof SubgraphFailure ? error.kind : 'unexpected'),
    );
  return { local, fetcher, fetchOnce, failureKind };
}

const failing = answerJson(500, { errors: [{ message: 'boom' }] });
const healthy = answerJson(200, { data: { ok: true } });
const slowlyHealthy =
  (ms: number): Handler =>
  (request, response) =>
    setTimeout(() => healthy(request, response), ms);

describe('the circuit breaker', () => {
  it('opens after `breakerFailures` failures in a row and then fails fast without calling', async () => {
    const { local, fetcher, failureKind } = await setup(failing);
    expect(fetcher.breakerState()).toBe('closed');
    expect([await failureKind(), await failureKind(), await failureKind()]).toEqual([
      'server-error',
      'server-error',
      'server-error',
    ]);
    expect(fetcher.breakerState()).toBe('open');
    const startedAt = performance.now();
    expect(await failureKind()).toBe('circuit-open');
    expect(performance.now() - startedAt).toBeLessThan(50);
    expect(local.requests).toBe(3);
  });

  it('counts failures in a row only: a success in between resets the count', async () => {
    const { local, fetcher, failureKind } = await setup(failing);
    await failureKind();
    await failureKind();
    local.answerWith(healthy);
    expect(await failureKind()).toBe('ok');
    local.answerWith(failing);
    await failureKind();
    await failureKind();
    expect(fetcher.breakerState()).toBe('closed');
  });

  it('does not count a request the subgraph refused (4xx): the subgraph itself is fine', async () => {
    const { fetcher, failureKind } = await setup(answerJson(401, { errors: [{ message: 'no' }] }));
    for (let i = 0; i < 5; i += 1) expect(await failureKind()).toBe('refused');
    expect(fetcher.breakerState()).toBe('closed');
  });

  it('half-opens after the pause, lets one probe through, and closes when it succeeds', async () => {
    const { local, fetcher, fetchOnce, failureKind } = await setup(failing);
    for (let i = 0; i < 3; i += 1) await failureKind();
    expect(fetcher.breakerState()).toBe('open');
    local.answerWith(slowlyHealthy(100));
    await sleep(PAUSE_MS + 20);
    const probe = fetchOnce();
    const waiting = fetchOnce();
    expect(fetcher.breakerState()).toBe('half-open');
    expect((await probe).status).toBe(200);
    expect((await waiting).status).toBe(200);
    expect(fetcher.breakerState()).toBe('closed');
    // The probe went alone; the fetch that arrived during it waited for its outcome.
    expect(local.arrivals[4]! - local.arrivals[3]!).toBeGreaterThanOrEqual(95);
    expect(await failureKind()).toBe('ok');
  });

  it('opens again when the probe fails, for another pause', async () => {
    const { local, fetcher, failureKind } = await setup(failing);
    for (let i = 0; i < 3; i += 1) await failureKind();
    await sleep(PAUSE_MS + 20);
    expect(await failureKind()).toBe('server-error');
    expect(fetcher.breakerState()).toBe('open');
    expect(await failureKind()).toBe('circuit-open');
    expect(local.requests).toBe(4);
    local.answerWith(healthy);
    await sleep(PAUSE_MS + 20);
    expect(await failureKind()).toBe('ok');
    expect(fetcher.breakerState()).toBe('closed');
  });

  it('opens on timeouts too: a hung subgraph stops holding requests', async () => {
    const { local, fetcher, failureKind } = await setup(() => {}, { timeoutMs: 100 });
    for (let i = 0; i < 3; i += 1) expect(await failureKind()).toBe('timeout');
    expect(fetcher.breakerState()).toBe('open');
    expect(await failureKind()).toBe('circuit-open');
    expect(local.requests).toBe(3);
  });
});

describe('breaker states across subgraphs', () => {
  it('reports each subgraph on its own', async () => {
    const down = await startLocalServer(failing);
    const up = await startLocalServer(healthy);
    const fetchers = createSubgraphFetchers({ defaults: SETTINGS, subgraphs: { workforce: { breakerFailures: 10 } } });
    cleanups.push(
      () => down.close(),
      () => up.close(),
      () => fetchers.close(),
    );
    expect(fetchers.breakerStates()).toEqual({});
    for (let i = 0; i < 3; i += 1) {
      await fetchers
        .forSubgraph('bpjs')
        .fetch(down.url, post(QUERY_BODY))
        .catch(() => undefined);
      await fetchers
        .forSubgraph('workforce')
        .fetch(down.url, post(QUERY_BODY))
        .catch(() => undefined);
    }
    expect(fetchers.forSubgraph('bpjs')).toBe(fetchers.forSubgraph('bpjs'));
    expect(fetchers.breakerStates()).toEqual({ bpjs: 'open', workforce: 'closed' });
    expect((await fetchers.forSubgraph('workforce').fetch(up.url, post(QUERY_BODY))).status).toBe(200);
  });
});
