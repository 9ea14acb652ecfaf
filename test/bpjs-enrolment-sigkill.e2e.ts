import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  createGatewayTokenSigner,
  GATEWAY_TOKEN_HEADER,
  generateCursorJwk,
  type Caller,
  type JWK,
} from '@jembatan/kit';
import { encodeNik } from '@jembatan/kit/identifiers';
import { testDataFolder } from '@jembatan/kit/testing';
import { freePort, generateTestKeys, productionEventsEnvironment, publicSetOf } from './harness';
import { startServiceProcess, type ServiceProcess } from './harness/service-process';
import { copyTemplate } from './harness/templates';

/**
 * A bulk enrolment is one transaction: the BPJS service killed with SIGKILL while its 1,000-person
 * enrolment is halfway (its rows written, the transaction still open) leaves nothing behind, and
 * the same request with the same idempotency key, sent to the restarted service, completes it.
 * PostgreSQL, where a killed client's open transaction is rolled back by the server.
 */
const scratch = testDataFolder('bpjs-enrolment-sigkill');
const HR: Caller = { subject: 'siti.rahma@jakarta.go.id', agency: 'pemprov-dki', roles: ['dki_hr'] };
const PEOPLE = Array.from({ length: 1000 }, (_, n) => ({
  nik: encodeNik({ districtCode: '31.75.03', birthDate: '1952-05-06', sex: n % 2 ? 'F' : 'M', serial: n + 1 }),
  name: `Pekerja Kilat ${n + 1}`,
  category: 'PKP',
  contractStart: '2016-03-01',
}));
const NIKS = PEOPLE.map((p) => p.nik);
const ENROL = `mutation Enrol($people: [PersonToEnrolInput!]!, $key: String!) {
  enrolParticipants(registrarUnitCode: "KEC-317503", people: $people, idempotencyKey: $key) { enrolled replayed }
}`;
const KEY = randomUUID();
/** Each wait below polls at most this long. */
const WAIT_MS = 60_000;

let databaseUrl: string;
let signingKey: JWK;
let env: Record<string, string>;
let service: ServiceProcess | undefined;
let observer: Client;

async function startBpjs(): Promise<ServiceProcess> {
  const port = await freePort();
  return startServiceProcess('subgraphs/bpjs/src/main.ts', `http://127.0.0.1:${port}`, {
    ...env,
    BPJS_PORT: String(port),
  });
}

async function enrol(origin: string) {
  const sign = await createGatewayTokenSigner(signingKey);
  const operation = { query: ENROL, variables: { people: PEOPLE, key: KEY } };
  const token = await sign(
    'bpjs',
    { caller: HR, purpose: 'ENROLMENT', requestId: randomUUID(), operationName: null, dataSubject: null },
    operation,
  );
  return fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [GATEWAY_TOKEN_HEADER]: token },
    body: JSON.stringify(operation),
  });
}

async function until<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const count = async (text: string, parameters: unknown[] = []) =>
  Number((await observer.query<{ n: string }>(text, parameters)).rows[0]!.n);
const written = async () => ({
  participants: await count('SELECT count(*) AS n FROM participant WHERE nik = ANY($1)', [NIKS]),
  events: await count(`SELECT count(*) AS n FROM outbox_event WHERE payload->>'registrarUnitCode' = 'KEC-317503'`),
  keys: await count('SELECT count(*) AS n FROM idempotency_record WHERE key = $1', [KEY]),
  writes: await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'WRITE' AND caller_subject = $1`, [
    HR.subject,
  ]),
});

beforeAll(async () => {
  const location = await copyTemplate(inject('templates'), 'bpjs');
  if (!('url' in location)) throw new Error('this test runs on PostgreSQL (the e2e-postgres project)');
  databaseUrl = location.url;
  const keys = await generateTestKeys();
  signingKey = keys.gatewaySigning;
  mkdirSync(scratch, { recursive: true });
  writeFileSync(join(scratch, 'gateway-public.jwks.json'), JSON.stringify(publicSetOf(signingKey)));
  writeFileSync(join(scratch, 'bpjs-cursor.keys.json'), JSON.stringify({ keys: [generateCursorJwk()] }));
  env = {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    BPJS_DATABASE_URL: databaseUrl,
    GATEWAY_PUBLIC_KEYS_PATH: join(scratch, 'gateway-public.jwks.json'),
    CURSOR_KEYS_PATH: join(scratch, 'bpjs-cursor.keys.json'),
    ...(await productionEventsEnvironment(scratch)),
  };
  observer = new Client({ connectionString: databaseUrl });
  await observer.connect();
}, 180_000);
afterAll(async () => {
  await service?.stop();
  await observer?.end();
  rmSync(scratch, { recursive: true, force: true });
});

describe('a bulk enrolment killed halfway', () => {
  it('leaves nothing written, and a retry with the same key completes it once', async () => {
    service = await startBpjs();
    // The enrolment's last writes go to the outbox: holding it makes the write stop there, halfway.
    const holder = new Client({ connectionString: databaseUrl });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query('LOCK TABLE outbox_event IN EXCLUSIVE MODE');
    const answer = enrol(service.origin).catch(() => 'connection lost');
    const blocked = await until('the enrolment to wait at the outbox', async () => {
      const { rows } = await observer.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%INSERT INTO outbox_event%'`,
      );
      return rows[0];
    });
    // Halfway indeed: the service's transaction holds its 1,000 new participants, uncommitted.
    const locks = await count(
      `SELECT count(*) AS n FROM pg_locks WHERE pid = $1 AND relation = 'participant'::regclass AND mode = 'RowExclusiveLock'`,
      [blocked.pid],
    );
    expect(locks).toBe(1);
    process.kill(service.pid, 'SIGKILL');
    expect(await answer).toBe('connection lost');
    await service.stop();
    service = undefined;
    await holder.query('ROLLBACK');
    await holder.end();
    await until('PostgreSQL to end the killed service’s session', async () =>
      (await count('SELECT count(*) AS n FROM pg_stat_activity WHERE pid = $1', [blocked.pid])) === 0
        ? true
        : undefined,
    );
    expect(await written()).toEqual({ participants: 0, events: 0, keys: 0, writes: 0 });

    service = await startBpjs();
    const retried = (await (await enrol(service.origin)).json()) as { data: unknown; errors?: unknown };
    expect(retried).toEqual({ data: { enrolParticipants: { enrolled: 1000, replayed: false } } });
    const again = (await (await enrol(service.origin)).json()) as { data: unknown };
    expect(again).toEqual({ data: { enrolParticipants: { enrolled: 1000, replayed: true } } });
    expect(await written()).toEqual({ participants: 1000, events: 1000, keys: 1, writes: 1 });
  }, 400_000);
});
