import 'reflect-metadata';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import {
  appendAuditEntry,
  DEFAULT_AUDIT_CHAINS,
  openDatabase,
  setAuditChainCount,
  verifyAuditChain,
  type Database,
} from '@jembatan/kit';
import { seedPresetDatabases } from '../harness/preset-databases';
import { formatMs, median } from './measure';
import { sampleAuditEntry } from '@jembatan/kit/testing';

/**
 * What chaining the audit trail costs when many callers read personal data at once, at the SQL
 * floor where the issue measured it (the subgraphs' own work would hide it): each request reads
 * one worker by NIK and appends the audit record for that read, as the recorder plugin does,
 * through a pool the size of a subgraph's. Three modes on the same PostgreSQL database, in
 * rotating order within each round so that machine noise falls on all of them:
 *   unaudited  the read alone: the floor;
 *   1 chain    read and append with one chain: every append holds the one lock until it commits,
 *              as before the trail had chains;
 *   N chains   read and append with the default number of chains.
 * Ratios are medians of per-round ratios; the load average is printed with every window.
 *
 *   pnpm bench:audit-chains [--callers 16,64] [--rounds 5] [--seconds 5] [--pool 10]
 */
const { values } = parseArgs({
  options: {
    callers: { type: 'string', default: '16,64' },
    rounds: { type: 'string', default: '5' },
    seconds: { type: 'string', default: '5' },
    pool: { type: 'string', default: '10' },
  },
  strict: true,
});
const CALLERS = values.callers!.split(',').map(Number);
const ROUNDS = Number(values.rounds);
const WINDOW_MS = Number(values.seconds) * 1000;
const POOL = Number(values.pool);

const MODES = ['unaudited', '1 chain', `${DEFAULT_AUDIT_CHAINS} chains`] as const;
type Mode = (typeof MODES)[number];
const CHAINS: Record<Mode, number | null> = { unaudited: null, '1 chain': 1, [MODES[2]]: DEFAULT_AUDIT_CHAINS };

const READ_SQL = `SELECT nik, name, category, unit_code, contract_start, contract_end, monthly_wage
                    FROM worker WHERE nik = $1`;

interface Window {
  perSecond: number;
  p50: number;
  p99: number;
}

/** `callers` loops, each sending one request after another until the window closes. */
async function runWindow(database: Database, niks: string[], callers: number, audited: boolean): Promise<Window> {
  const latencies: number[] = [];
  const started = performance.now();
  const closes = started + WINDOW_MS;
  let next = 0;
  const caller = async () => {
    while (performance.now() < closes) {
      const nik = niks[next++ % niks.length]!;
      const sent = performance.now();
      await database.dataSource.query(READ_SQL, [nik]);
      if (audited) {
        await appendAuditEntry(
          database,
          sampleAuditEntry(`bench-${next}`, {
            operationName: 'WorkerEnrolment',
            subjects: [`nik:${nik}`],
            fields: ['Query.worker', 'Worker.monthlyWage', 'Worker.name', 'Worker.nik'],
          }),
        );
      }
      latencies.push(performance.now() - sent);
    }
  };
  await Promise.all(Array.from({ length: callers }, caller));
  const sorted = latencies.sort((a, b) => a - b);
  return {
    perSecond: (latencies.length * 1000) / (performance.now() - started),
    p50: median(sorted),
    p99: sorted[Math.floor(0.99 * (sorted.length - 1))] ?? NaN,
  };
}

const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');

async function main() {
  console.log(`loading demo on postgres… (pool ${POOL}, ${WINDOW_MS / 1000} s windows, ${ROUNDS} rounds + warm-up)`);
  const databases = await seedPresetDatabases('demo', 'postgres');
  const database = await openDatabase({ location: databases.workforce, entities: [], migrations: [], poolSize: POOL });
  try {
    const niks = (await database.dataSource.query<{ nik: string }[]>('SELECT nik FROM worker ORDER BY nik')).map(
      (row) => row.nik,
    );
    const summary: string[] = [];
    for (const callers of CALLERS) {
      const windows = Object.fromEntries(MODES.map((mode) => [mode, [] as Window[]])) as Record<Mode, Window[]>;
      for (let round = 0; round <= ROUNDS; round += 1) {
        for (let i = 0; i < MODES.length; i += 1) {
          const mode = MODES[(round + i) % MODES.length]!;
          const chains = CHAINS[mode];
          if (chains !== null) await setAuditChainCount(database, chains);
          const window = await runWindow(database, niks, callers, chains !== null);
          // Round 0 warms the caches and the pool; it is not counted.
          if (round === 0) continue;
          windows[mode].push(window);
          console.log(
            `${callers} callers, round ${round}, ${mode.padEnd(10)} ${window.perSecond.toFixed(0).padStart(6)} req/s, ` +
              `p50 ${formatMs(window.p50)}, p99 ${formatMs(window.p99)}   load ${load()}`,
          );
        }
      }
      const ratio = (a: Mode, b: Mode) =>
        median(windows[a].map((window, i) => window.perSecond / windows[b][i]!.perSecond)).toFixed(2);
      const medianOf = (mode: Mode, key: keyof Window) => median(windows[mode].map((window) => window[key]));
      summary.push(
        `${callers} callers (pool ${POOL}):`,
        ...MODES.map(
          (mode) =>
            `  ${mode.padEnd(10)} ${medianOf(mode, 'perSecond').toFixed(0).padStart(6)} req/s, ` +
            `p50 ${formatMs(medianOf(mode, 'p50'))}, p99 ${formatMs(medianOf(mode, 'p99'))}, ` +
            `${ratio(mode, 'unaudited')}× the floor`,
        ),
        `  ${MODES[2]} / 1 chain: ${ratio(MODES[2], '1 chain')}× (medians of per-round ratios)`,
      );
    }
    await setAuditChainCount(database, DEFAULT_AUDIT_CHAINS);
    const trail = await verifyAuditChain(database);
    summary.push(
      `trail after the run: ${trail.entries} records in ${trail.chains.length} chains, ` +
        (trail.firstBroken ? `BROKEN: ${trail.firstBroken.problem}` : 'every chain intact'),
    );
    console.log(`\n${summary.join('\n')}`);
    if (trail.firstBroken) process.exitCode = 1;
  } finally {
    await database.close();
    await databases.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
