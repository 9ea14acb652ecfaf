import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '@jembatan/kit';
import { createResponseCache, type ResponseCacheOptions } from '../create-response-cache';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import { responseCachePlugin, type ResponseCacheEvent } from '../response-cache-plugin';
import { startAggregateServer, type AggregateServer } from './aggregate-server';

const STATISTICS = '{ workforceStatistics { unitCount workerCount } }';

const started: AggregateServer[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((server) => server.stop()));
});

async function serverWithCache(options: Partial<ResponseCacheOptions> = {}) {
  const events: ResponseCacheEvent[] = [];
  const server = await startAggregateServer(
    await createResponseCache({
      ttlSeconds: 60,
      logger: silentLogger,
      onEvent: (event) => events.push(event),
      ...options,
    }),
  );
  started.push(server);
  return { server, events };
}

describe('the response cache in memory', () => {
  it('answers a repeated aggregate from the cache, saying so, and tells HTTP caches not to store it', async () => {
    const { server, events } = await serverWithCache();
    const first = await server.send(STATISTICS);
    const second = await server.send(STATISTICS);
    expect(first).toEqual({
      data: { workforceStatistics: { unitCount: 43, workerCount: 3000 } },
      errors: undefined,
      cacheStatus: 'miss',
      cacheControl: 'no-store',
    });
    expect(second).toEqual({ ...first, cacheStatus: 'hit' });
    expect(server.executions()).toBe(1);
    expect(events).toEqual(['miss', 'hit']);
  });

  it('shares an answer between callers with the same roles and purpose, whoever they are', async () => {
    const { server } = await serverWithCache();
    await server.send(STATISTICS, { roles: ['dki_hr', 'bpjs_officer'], purpose: 'STATISTICS', subject: 'siti' });
    const other = await server.send(STATISTICS, {
      roles: ['bpjs_officer', 'dki_hr'],
      purpose: 'STATISTICS',
      subject: 'budi',
    });
    expect(other.cacheStatus).toBe('hit');
    expect(server.executions()).toBe(1);
  });

  it('keeps answers apart by roles, by purpose, by data subject and by variables', async () => {
    const { server } = await serverWithCache();
    const askers = [
      { roles: ['analyst' as const], purpose: 'STATISTICS' as const },
      { roles: ['dki_hr' as const], purpose: 'STATISTICS' as const },
      { roles: ['dki_hr' as const], purpose: 'HR_ADMINISTRATION' as const },
      { roles: ['dki_hr' as const], purpose: null },
      { roles: ['dki_hr' as const, 'analyst' as const], purpose: 'STATISTICS' as const },
      { roles: ['dki_hr' as const], purpose: 'STATISTICS' as const, dataSubject: '3171234567890001' },
    ];
    for (const asker of askers) expect((await server.send(STATISTICS, asker)).cacheStatus).toBe('miss');
    expect(server.executions()).toBe(askers.length);

    const claims = 'query ($year: Int!) { claimStatistics(year: $year) { year count } }';
    expect((await server.send(claims, undefined, { year: 2016 })).cacheStatus).toBe('miss');
    expect((await server.send(claims, undefined, { year: 2015 })).cacheStatus).toBe('miss');
    const again = await server.send(claims, undefined, { year: 2016 });
    expect(again).toMatchObject({ cacheStatus: 'hit', data: { claimStatistics: { year: 2016, count: 16 } } });
  });

  it('caches a unit’s coverage, but never an answer that reads anything the subgraphs did not hint', async () => {
    const { server, events } = await serverWithCache();
    const coverage = '{ unit(code: "DINKES") { code name headcount bpjsCoverage { enrolled } } }';
    await server.send(coverage);
    expect((await server.send(coverage)).cacheStatus).toBe('hit');

    const uncacheable = [
      '{ worker(nik: "3171234567890001") { nik name } }',
      '{ workforceStatistics { unitCount } worker(nik: "3171234567890001") { nik } }',
      '{ unit(code: "DINKES") { headcount workers { nik } } }',
      '{ unit(code: "DINKES") { ...staff } } fragment staff on Unit { workers { name } }',
      '{ unit(code: "DINKES") { ... on Unit { workers { nik } } } }',
      // A type a new agency added without a hint: deny by default.
      '{ newAgencyFigures { total } }',
      '{ workforceStatistics { unitCount } newAgencyFigures { total } }',
      // Hinted, but per caller: this cache keeps only what is public.
      '{ ownFigures { total } }',
    ];
    for (const query of uncacheable) {
      const before = server.executions();
      for (let i = 0; i < 3; i += 1) {
        const answer = await server.send(query);
        expect(answer.errors, query).toBeUndefined();
        expect(answer.cacheStatus, query).toBeUndefined();
        expect(answer.cacheControl, query).toBe('no-store');
      }
      expect(server.executions() - before, query).toBe(3);
    }
    expect(events).toEqual(['miss', 'hit']);
  });

  it('stops looking up what last came back uncacheable, until it comes back cacheable again', async () => {
    const store = new InMemoryLRUCache<string>();
    let lookups = 0;
    const cache = {
      get: (key: string) => ((lookups += 1), store.get(key)),
      set: store.set.bind(store),
      delete: store.delete.bind(store),
    };
    const server = await startAggregateServer({
      plugin: responseCachePlugin({ cache, ttlSeconds: 60 }),
      redisUp: () => undefined,
      close: async () => {},
    });
    started.push(server);

    const personal = '{ worker(nik: "3171234567890001") { nik name } }';
    for (let i = 0; i < 3; i += 1) await server.send(personal);
    expect(lookups).toBe(1);

    const unit = 'query ($code: ID!) { unit(code: $code) { code headcount } }';
    await server.send(unit, undefined, { code: 'BROKEN' });
    expect(lookups).toBe(2);
    // Last time it had errors: not looked up, answered, and cacheable this time.
    expect((await server.send(unit, undefined, { code: 'DINKES' })).cacheStatus).toBe('miss');
    expect(lookups).toBe(2);
    expect((await server.send(unit, undefined, { code: 'DINKES' })).cacheStatus).toBe('hit');
    expect(lookups).toBe(3);
  });

  it('never answers a mutation from the cache, even one returning a type hinted public', async () => {
    const { server, events } = await serverWithCache();
    const recount = 'mutation { recountWorkforce { unitCount workerCount } }';
    const first = await server.send(recount);
    const second = await server.send(recount);
    expect(second).toEqual(first);
    expect(first).toMatchObject({ cacheStatus: undefined, cacheControl: 'no-store' });
    expect(server.executions()).toBe(2);
    expect(events).toEqual([]);
  });

  it('never stores an answer with errors', async () => {
    const { server } = await serverWithCache();
    const broken = '{ unit(code: "BROKEN") { code headcount } }';
    for (let i = 0; i < 2; i += 1) {
      const answer = await server.send(broken);
      expect(answer.errors).toBeDefined();
      expect(answer).toMatchObject({ cacheStatus: undefined, cacheControl: 'no-store' });
    }
    expect(server.executions()).toBe(2);
  });

  it('asks again once the answer is older than the TTL, or than its hint when that is shorter', async () => {
    const { server } = await serverWithCache({ ttlSeconds: 1 });
    await server.send(STATISTICS);
    expect((await server.send(STATISTICS)).cacheStatus).toBe('hit');
    const brief = '{ briefFigures { total } }';
    const { server: hinted } = await serverWithCache({ ttlSeconds: 60 });
    await hinted.send(brief);
    expect((await hinted.send(brief)).cacheStatus).toBe('hit');
    await sleep(1_100);
    expect((await server.send(STATISTICS)).cacheStatus).toBe('miss');
    expect(server.executions()).toBe(2);
    expect((await hinted.send(brief)).cacheStatus).toBe('miss');
    expect(hinted.executions()).toBe(2);
  });

  it('is off with a TTL of 0', async () => {
    const { server, events } = await serverWithCache({ ttlSeconds: 0 });
    for (let i = 0; i < 2; i += 1) {
      expect(await server.send(STATISTICS)).toMatchObject({ cacheStatus: undefined, cacheControl: 'no-store' });
    }
    expect(server.executions()).toBe(2);
    expect(events).toEqual([]);
  });

  it('refuses a TTL that makes no sense', async () => {
    await expect(createResponseCache({ ttlSeconds: -1, logger: silentLogger })).rejects.toThrow('ttlSeconds');
    await expect(createResponseCache({ ttlSeconds: 1.5, logger: silentLogger })).rejects.toThrow('ttlSeconds');
  });
});
