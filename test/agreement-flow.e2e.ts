import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REGISTERED_AGENCIES } from '@jembatan/subgraph-registry/agencies';
import { RUN_FROM_SOURCE } from '@jembatan/kit/build';
import { eventually, testDataFolder } from '@jembatan/kit/testing';
import { freePort } from './harness';
import { startPrivateNats } from './harness/event-fixture-service';

/**
 * The March 2016 agreement as a running process, end to end, as `pnpm start` runs it: HR registers
 * a PKP at Pemprov DKI through the gateway, and with no one at BPJS lifting a finger the worker is
 * enrolled (JKK and JKM from the contract start, JHT too), DKI hears of it and the registries no
 * longer disagree; the contract ends and BPJS ends the cover on its last day. Once with the
 * embedded transport (no broker), once through NATS JetStream (a private server).
 */
const ROOT = resolve(__dirname, '..');
const UNIT = 'KEC-317401';
const OTHER_UNIT = 'KEC-317402';
// Valid-looking and in no seed world: a woman born 12 May 1994, first registered in Tebet.
const NIK = '3174015205940731';
// A man born 12 June 1991, also first registered in Tebet: the registration screen's worker.
const SCREEN_NIK = '3174011206910027';
const WAIT_MS = 60_000;

interface System {
  child: ChildProcess;
  output: () => string;
  gateway: string;
  dataDir: string;
  stop(): Promise<void>;
}

async function startSystem(label: string, env: Record<string, string>): Promise<System> {
  const dataDir = testDataFolder(label);
  const gateway = await freePort();
  const ports = await Promise.all(
    REGISTERED_AGENCIES.map(async (agency) => [`${agency.envPrefix}_PORT`, String(await freePort())] as const),
  );
  const child = spawn(process.execPath, [...RUN_FROM_SOURCE, 'scripts/start-all.ts'], {
    cwd: ROOT,
    detached: true,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PLAYGROUND: 'off',
      // Counts are read right after the writes that change them: no cached aggregate in between.
      RESPONSE_CACHE_TTL_SECONDS: '0',
      DATA_DIR: dataDir,
      GATEWAY_PORT: String(gateway),
      ...Object.fromEntries(ports),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 120_000;
  while (!output.includes('Jembatan ready')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`start-all did not become ready:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    child,
    output: () => output,
    gateway: `http://127.0.0.1:${gateway}/graphql`,
    dataDir,
    async stop() {
      const exited = new Promise((done) => child.once('exit', done));
      process.kill(-child.pid!, 'SIGINT');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function tokenFor(system: System, role: string): string {
  return execFileSync(process.execPath, [...RUN_FROM_SOURCE, 'scripts/token.ts', '--role', role], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'development', DATA_DIR: system.dataDir },
    encoding: 'utf8',
  }).trim();
}

type Answer<T> = { data: T; errors?: { message: string; extensions?: { code?: string } }[] };

function client(system: System, role: string, purpose: string) {
  const token = tokenFor(system, role);
  return async <T>(query: string, variables: Record<string, unknown> = {}): Promise<Answer<T>> => {
    const response = await fetch(system.gateway, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-purpose': purpose },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as Answer<T>;
  };
}

interface Gaps {
  coverageGaps: { edges: { node: { kind: string; programs: string[]; worker: { nik: string } } }[] };
}
const GAPS = `query ($unit: ID!, $asOf: Date) {
  coverageGaps(unitCode: $unit, asOf: $asOf, first: 100) { edges { node { kind programs worker { nik } } } }
}`;
interface Cover {
  worker: {
    version: number;
    bpjs: { kpj: string; enrollments: { program: string; since: string; until: string | null }[] } | null;
  } | null;
}
const COVER = `query ($nik: String!) { worker(nik: $nik) { version bpjs { kpj enrollments { program since until } } } }`;
const COVERED_BY = `query ($unit: ID!) { unit(code: $unit) { bpjsCoverage { enrolled } } }`;
type Coverage = { unit: { bpjsCoverage: { enrolled: number } } };

const byProgram = (cover: Cover) =>
  Object.fromEntries((cover.worker?.bpjs?.enrollments ?? []).map((e) => [e.program, [e.since, e.until]]));

/**
 * A value read until two reads in a row agree: the summaries follow events asynchronously, so a
 * settled value is one that no change was under way for. (Reads that saw a summary half
 * rewritten came from the embedded engine's old socket server, which let statements interleave.)
 */
async function settled<T>(read: () => Promise<T>): Promise<T> {
  let previous = await read();
  for (let attempt = 0; attempt < 100; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const next = await read();
    if (next === previous) return next;
    previous = next;
  }
  throw new Error(`no two reads in a row agreed; the last was ${String(previous)}`);
}

describe.each([
  ['the embedded transport', 'embedded'],
  ['NATS JetStream', 'nats'],
])('the agreement, end to end, over %s', (_name, transport) => {
  let system: System | undefined;
  let nats: Awaited<ReturnType<typeof startPrivateNats>> | undefined;
  afterAll(async () => {
    await system?.stop();
    await nats?.kill('SIGKILL');
  });

  it('enrols a PKP that HR registers, ends the cover when the contract ends, and moves the registrar on a transfer', async () => {
    const env: Record<string, string> = {};
    if (transport === 'nats') {
      nats = await startPrivateNats(join(testDataFolder(`agreement-nats`), 'store'));
      env.NATS_URL = nats.url;
    }
    system = await startSystem(`agreement-${transport}`, env);
    expect(system.output()).toContain(transport === 'nats' ? 'nats' : 'embedded');
    const hr = client(system, 'dki_hr', 'HR_ADMINISTRATION');
    const enrolment = client(system, 'dki_hr', 'ENROLMENT');
    const coveredBefore = await settled(
      async () => (await hr<Coverage>(COVERED_BY, { unit: UNIT })).data.unit.bpjsCoverage.enrolled,
    );

    const registered = await hr<{ registerWorker: { worker: { version: number } } }>(
      `mutation ($key: String!, $input: RegisterWorkerInput!) {
        registerWorker(idempotencyKey: $key, input: $input) { replayed worker { nik version } }
      }`,
      {
        key: `agreement-${transport}-register`,
        input: {
          nik: NIK,
          name: 'Siti Rahmawati',
          category: 'PKP',
          unitCode: UNIT,
          contractStart: '2025-07-01',
          monthlyWage: '5400000',
        },
      },
    );
    expect(registered.errors).toBeUndefined();

    // BPJS enrols the worker by itself: JKK and JKM from the contract start, JHT too (after 2017).
    const enrolled = await eventually(
      async () => (await enrolment<Cover>(COVER, { nik: NIK })).data,
      (cover) => Object.keys(byProgram(cover)).length === 3,
      WAIT_MS,
    );
    expect(byProgram(enrolled)).toEqual({
      JKK: ['2025-07-01', null],
      JKM: ['2025-07-01', null],
      JHT: ['2025-07-01', null],
    });
    // … DKI hears of it: on the registries' common day there is no gap about this worker.
    const gapsAfterEnrolment = await eventually(
      async () => (await enrolment<Gaps>(GAPS, { unit: UNIT, asOf: '2025-08-01' })).data,
      (gaps) => !gaps.coverageGaps.edges.some((edge) => edge.node.worker.nik === NIK),
      WAIT_MS,
    );
    expect(gapsAfterEnrolment.coverageGaps.edges.map((edge) => edge.node.worker.nik)).not.toContain(NIK);
    // Read until it holds: BPJS counts the worker once its summary has caught up with the event.
    const coveredAfter = await eventually(
      async () => (await hr<Coverage>(COVERED_BY, { unit: UNIT })).data.unit.bpjsCoverage.enrolled,
      (count) => count === coveredBefore + 1,
      WAIT_MS,
    );
    expect(coveredAfter).toBe(coveredBefore + 1);

    // A transfer moves the registrar: the other unit now counts the worker.
    // Read twice alike: the enrolment's summary update may still be under way.
    const otherBefore = await settled(
      async () => (await hr<Coverage>(COVERED_BY, { unit: OTHER_UNIT })).data.unit.bpjsCoverage.enrolled,
    );
    const moved = await hr<unknown>(
      `mutation ($key: String!, $input: TransferWorkerInput!) {
        transferWorker(idempotencyKey: $key, input: $input) { replayed worker { version } }
      }`,
      {
        key: `agreement-${transport}-transfer`,
        input: {
          nik: NIK,
          expectedVersion: enrolled.worker!.version,
          toUnitCode: OTHER_UNIT,
          effectiveDate: '2025-10-01',
        },
      },
    );
    expect(moved.errors).toBeUndefined();
    const otherAfter = await eventually(
      async () => (await hr<Coverage>(COVERED_BY, { unit: OTHER_UNIT })).data.unit.bpjsCoverage.enrolled,
      (count) => count === otherBefore + 1,
      WAIT_MS,
    );
    expect(otherAfter).toBe(otherBefore + 1);

    // The contract ends: BPJS ends the cover on the last day, and DKI's view agrees again.
    const { version } = (await enrolment<Cover>(COVER, { nik: NIK })).data.worker!;
    const ended = await hr<unknown>(
      `mutation ($key: String!, $input: EndContractInput!) {
        endContract(idempotencyKey: $key, input: $input) { replayed worker { contractEnd } }
      }`,
      {
        key: `agreement-${transport}-end`,
        input: { nik: NIK, expectedVersion: version, endDate: '2025-12-31', reason: 'Kontrak tidak diperpanjang' },
      },
    );
    expect(ended.errors).toBeUndefined();
    const closed = await eventually(
      async () => (await enrolment<Cover>(COVER, { nik: NIK })).data,
      // Not vacuously: all three programmes present, each ended on the contract's last day.
      (cover) => {
        const periods = Object.values(byProgram(cover));
        return periods.length === 3 && periods.every(([, until]) => until === '2025-12-31');
      },
      WAIT_MS,
    );
    expect(byProgram(closed)).toEqual({
      JKK: ['2025-07-01', '2025-12-31'],
      JKM: ['2025-07-01', '2025-12-31'],
      JHT: ['2025-07-01', '2025-12-31'],
    });
    const gapsAfterEnd = await eventually(
      async () => (await enrolment<Gaps>(GAPS, { unit: OTHER_UNIT, asOf: '2026-02-01' })).data,
      (gaps) => !gaps.coverageGaps.edges.some((edge) => edge.node.worker.nik === NIK),
      WAIT_MS,
    );
    expect(gapsAfterEnd.coverageGaps.edges.map((edge) => edge.node.worker.nik)).not.toContain(NIK);

    // The typed client's registration screen, as a frontend team runs it: it registers a worker
    // and shows their enrolment arriving; run again, it replays instead of failing.
    const screen = () => {
      try {
        return runScreen();
      } catch (error) {
        // What the services said meanwhile, to tell a client's bug from an agency's.
        throw new Error(`${(error as Error).message}\nservices:\n${system!.output().slice(-4_000)}`, {
          cause: error,
        });
      }
    };
    const runScreen = () =>
      execFileSync(
        process.execPath,
        [
          ...RUN_FROM_SOURCE,
          'schema/client/example/registration-screen.ts',
          ...['--nik', SCREEN_NIK, '--name', 'Bambang Sutrisno', '--unit', UNIT],
          ...['--start', '2025-08-01', '--wage', '5500000'],
        ],
        {
          cwd: ROOT,
          env: { ...process.env, JEMBATAN_URL: system!.gateway, JEMBATAN_TOKEN: tokenFor(system!, 'dki_hr') },
          encoding: 'utf8',
        },
      );
    const first = screen();
    expect(first).toMatch(/^Registered Bambang Sutrisno at .*, contract from 2025-08-01\. Waiting for BPJS…/);
    expect(first).toMatch(/Enrolled at BPJS Ketenagakerjaan as BPU, KPJ \d{11}:/);
    expect(first).toMatch(/JKK\s+2025-08-01\s+–/);
    expect(screen()).toMatch(/^Already registered Bambang Sutrisno/);
  }, 300_000);
});
