import 'reflect-metadata';
import { parseArgs } from 'node:util';
import type { Purpose } from '@jembatan/kit';
import { generateWorld } from '@jembatan/seed-world';
import type { TestEngine } from '../harness/engine';
import { savedOperation } from '../harness/operations';
import { seedPresetDatabases } from '../harness/preset-databases';
import { serveSupergraph, type RunningSupergraph } from '../harness/supergraph';
import { callerWith } from '../harness/test-identity';

/**
 * What in-flight deduplication saves, in counts rather than time: batches of identical requests
 * sent at once through the gateway (response cache off), with deduplication on and off on the
 * same databases, reporting per request the subgraph fetches the gateway sent, the SQL statements
 * the agencies ran, the audit records they wrote, the fetches merged, and the process's CPU time
 * (gateway and subgraphs share this process). The personal reads (one caller's identical requests)
 * are merged too, and must still leave one audit record per request and agency.
 *
 *   pnpm bench:dedup [--preset demo|dki2016] [--engine pglite|postgres] [--concurrency 16] [--batches 20] [--rounds off,on,off,on]
 */
const { values } = parseArgs({
  options: {
    preset: { type: 'string', default: 'demo' },
    engine: { type: 'string', default: 'pglite' },
    concurrency: { type: 'string', default: '16' },
    batches: { type: 'string', default: '20' },
    /** The order of the rounds: alternating, so warm-up and machine noise fall on both. */
    rounds: { type: 'string', default: 'off,on,off,on' },
  },
  strict: true,
});
const CONCURRENCY = Number(values.concurrency);
const BATCHES = Number(values.batches);

interface Scenario {
  name: string;
  query: string;
  variables: Record<string, unknown>;
  roles: Parameters<typeof callerWith>;
  purpose: Purpose;
}

const world = generateWorld(values.preset === 'dki2016' ? 'dki2016' : 'demo');
const enrolled = world.workers.find((worker) => world.participants.some((p) => p.nik === worker.nik))!;
const largestUnit = [...world.units].sort(
  (a, b) =>
    world.workers.filter((worker) => worker.unitCode === b.code).length -
    world.workers.filter((worker) => worker.unitCode === a.code).length,
)[0]!;
const SCENARIOS: Scenario[] = [
  {
    name: 'ClaimsByProgram',
    query: savedOperation('ClaimsByProgram'),
    variables: { year: 2016, regionCode: '31' },
    roles: ['analyst'],
    purpose: 'STATISTICS',
  },
  {
    name: 'WorkforceByCategory',
    query: savedOperation('WorkforceByCategory'),
    variables: {},
    roles: ['analyst'],
    purpose: 'STATISTICS',
  },
  {
    name: 'WorkerEnrolment (personal)',
    query: savedOperation('WorkerEnrolment'),
    variables: { nik: enrolled.nik },
    roles: ['dki_hr'],
    purpose: 'HR_ADMINISTRATION',
  },
  {
    name: 'UnitStaffWithBpjs 100 (personal)',
    query: savedOperation('UnitStaffWithBpjs'),
    variables: { code: largestUnit.code, first: 100 },
    roles: ['dki_hr'],
    purpose: 'HR_ADMINISTRATION',
  },
];

/** Records in both agencies' audit trails. */
async function auditRecordCount(supergraph: RunningSupergraph): Promise<number> {
  let total = 0;
  for (const agency of [supergraph.workforce, supergraph.bpjs]) {
    const [row] = await agency.database.dataSource.query<{ count: string }[]>(
      'SELECT count(*) AS count FROM audit_log',
    );
    total += Number(row!.count);
  }
  return total;
}

/** Sums a counter or histogram count of the gateway's /metrics over its series. */
async function metricTotal(supergraph: RunningSupergraph, name: string): Promise<number> {
  const text = await (await fetch(new URL('/metrics', supergraph.gateway.url))).text();
  return [...text.matchAll(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\d+(?:\\.\\d+)?)$`, 'gm'))].reduce(
    (sum, match) => sum + Number(match[1]),
    0,
  );
}

async function measure(supergraph: RunningSupergraph, scenario: Scenario) {
  const sendAs = { as: callerWith(...scenario.roles), purpose: scenario.purpose };
  // One request first: the plan is cached and the key's verdict known, as in a running gateway.
  await supergraph.query(scenario.query, scenario.variables, sendAs);
  const statements = () => supergraph.workforce.database.statements.count + supergraph.bpjs.database.statements.count;
  const before = {
    fetches: await metricTotal(supergraph, 'jembatan_subgraph_fetch_duration_seconds_count'),
    merged: await metricTotal(supergraph, 'jembatan_subgraph_fetches_merged_total'),
    statements: statements(),
    auditRecords: await auditRecordCount(supergraph),
    cpu: process.cpuUsage(),
  };
  let errors = 0;
  for (let batch = 0; batch < BATCHES; batch += 1) {
    const answers = await Promise.all(
      Array.from({ length: CONCURRENCY }, () => supergraph.query(scenario.query, scenario.variables, sendAs)),
    );
    // A withheld field's FORBIDDEN (claims, for dki_hr) is part of the answer, not a failure.
    const unexpected = (errors: { extensions?: { code?: unknown } }[] = []) =>
      errors.some((error) => error.extensions?.code !== 'FORBIDDEN');
    errors += answers.filter((answer) => answer.status !== 200 || unexpected(answer.body.errors as never)).length;
  }
  const cpu = process.cpuUsage(before.cpu);
  const auditRecords = (await auditRecordCount(supergraph)) - before.auditRecords;
  const requests = BATCHES * CONCURRENCY;
  const per = (value: number) => (value / requests).toFixed(3);
  return {
    fetches: per((await metricTotal(supergraph, 'jembatan_subgraph_fetch_duration_seconds_count')) - before.fetches),
    merged: per((await metricTotal(supergraph, 'jembatan_subgraph_fetches_merged_total')) - before.merged),
    statements: per(statements() - before.statements),
    auditRecords: per(auditRecords),
    cpuMs: ((cpu.user + cpu.system) / 1000 / requests).toFixed(2),
    errors,
  };
}

async function main() {
  console.log(`loading ${values.preset} on ${values.engine}…`);
  const databases = await seedPresetDatabases(values.preset!, values.engine as TestEngine);
  try {
    const rows: Record<string, unknown>[] = [];
    for (const round of values.rounds!.split(',')) {
      const fetchDeduplication = round === 'on';
      const supergraph = await serveSupergraph(databases, { fetchDeduplication });
      try {
        for (const scenario of SCENARIOS) {
          rows.push({
            scenario: scenario.name,
            dedup: fetchDeduplication ? 'on' : 'off',
            ...(await measure(supergraph, scenario)),
          });
        }
      } finally {
        await supergraph.stop();
      }
    }
    console.log(`\n${BATCHES} batches of ${CONCURRENCY} identical requests at once, response cache off; per request:`);
    console.table(rows.sort((a, b) => String(a.scenario).localeCompare(String(b.scenario))));
  } finally {
    await databases.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
