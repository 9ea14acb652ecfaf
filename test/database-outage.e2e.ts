import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import pg from 'pg';
import { generateWorld } from '@jembatan/seed-world';
import { POSTGRES_SERVER_URL, startSupergraph, type RunningSupergraph } from './harness';
import { copyTemplate } from './harness/templates';

/**
 * A subgraph's database disappears (its server refuses it and drops every connection) and comes
 * back, under a running system. PostgreSQL only: PGlite runs inside the subgraph's own process,
 * so it cannot go away without the subgraph.
 */
const world = generateWorld('demo');
const worker = world.workers.find((w) => world.participants.some((p) => p.nik === w.nik))!;
const QUERY = `{ worker(nik: "${worker.nik}") { name category bpjs { kpj enrollments { program } } } }`;

let supergraph: RunningSupergraph;
let bpjsDatabase: string;
const admin = new pg.Client({ connectionString: POSTGRES_SERVER_URL });

async function setBpjsDatabaseReachable(reachable: boolean) {
  await admin.query(`ALTER DATABASE "${bpjsDatabase}" ALLOW_CONNECTIONS ${reachable}`);
  if (!reachable) {
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [bpjsDatabase]);
  }
}

const readiness = async () => (await fetch(new URL('/ready', supergraph.bpjs.url))).status;

beforeAll(async () => {
  const templates = inject('templates');
  const databases = {
    workforce: await copyTemplate(templates, 'workforce'),
    bpjs: await copyTemplate(templates, 'bpjs'),
  };
  if (!('url' in databases.bpjs)) throw new Error('database-outage.e2e.ts runs on PostgreSQL only');
  bpjsDatabase = new URL(databases.bpjs.url).pathname.slice(1);
  await admin.connect();
  supergraph = await startSupergraph({ production: true, databases });
});
afterAll(async () => {
  await setBpjsDatabaseReachable(true).catch(() => {});
  await admin.end();
  await supergraph?.stop();
});

describe("a subgraph's database that disappears and comes back", () => {
  it('answers in full before the outage', async () => {
    const { status, body } = await supergraph.query(QUERY);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });

  it("keeps answering with the other agency's data while it is gone, and says BPJS is not ready", async () => {
    await setBpjsDatabaseReachable(false);
    const { status, body, text } = await supergraph
      .post(JSON.stringify({ query: QUERY }))
      .then((answer) => ({ ...answer, body: JSON.parse(answer.text) }));
    expect(status).toBe(200);
    expect(body.data.worker).toMatchObject({ name: worker.name, category: worker.category, bpjs: null });
    expect(body.errors.length).toBeGreaterThan(0);
    // Nothing of the database reaches the client: no server address, database name or driver message.
    expect(text).not.toContain(bpjsDatabase);
    expect(text).not.toMatch(/127\.0\.0\.1|5432|terminat|ECONN|connection/i);
    expect(await readiness()).toBe(503);
    expect((await supergraph.query('{ workforceStatistics { workerCount } }')).body.errors).toBeUndefined();
  });

  it('recovers by itself once the database is back, without a restart', async () => {
    await setBpjsDatabaseReachable(true);
    await vi.waitFor(
      async () => {
        const { body } = await supergraph.query(QUERY);
        expect(body.errors).toBeUndefined();
      },
      { timeout: 15_000, interval: 250 },
    );
    expect(await readiness()).toBe(200);
  });
});
