import '@jembatan/kit/refuse-stale-build';
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  openSubgraphDatabase,
  readSubgraphDatabaseConfig,
  verifyAuditChain,
  type AuditChainReport,
  type AuditTrailReport,
  type ChainBreak,
  type SubgraphDefinition,
} from '@jembatan/kit';
import { REGISTERED_SUBGRAPHS } from '@jembatan/subgraph-registry';

/**
 * `pnpm audit:verify [--only workforce|bpjs]`: recomputes every hash chain of every agency's
 * audit trail and prints one line per agency, then one per chain. Exit status 0 when every chain
 * is intact, 1 when any is broken or could not be checked, 2 on a usage error.
 */
const ROOT = resolve(__dirname, '..');
const SUBGRAPHS: readonly SubgraphDefinition<unknown>[] = REGISTERED_SUBGRAPHS.map((s) => s.definition);

const USAGE = `Usage: pnpm audit:verify [--only ${SUBGRAPHS.map((s) => s.name).join('|')}]

Walks each agency's audit trail (PGlite under data/, or PostgreSQL when DATABASE_URL or
<SUBGRAPH>_DATABASE_URL is set), chain by chain, and recomputes every record's hash, reporting
per chain the first record that was removed, inserted or altered. Keep the head hashes it prints
outside the database: each stands for every record of its chain up to that head, so an auditor
can later confirm those were not rewritten (someone able to disable triggers could otherwise
rewrite or remove a chain's newest records, or a whole chain).
Stop the services first when they run on PGlite: a PGlite directory has one owner at a time.

Exit status: 0 every chain intact, 1 a chain broken or not checked, 2 usage error.`;

class UsageError extends Error {}

function parseOnly(argv: readonly string[]): string[] | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { only: { type: 'string', multiple: true, default: [] }, help: { type: 'boolean', default: false } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return 'help';
  const only = values.only ?? [];
  const unknown = only.filter((name) => !SUBGRAPHS.some((s) => s.name === name));
  if (unknown.length > 0) {
    throw new UsageError(`Unknown subgraph ${unknown.join(', ')}; known: ${SUBGRAPHS.map((s) => s.name).join(', ')}`);
  }
  return only;
}

const counted = (count: number, what: string) => `${count.toLocaleString('en')} ${what}${count === 1 ? '' : 's'}`;

const describeBreak = ({ chain, link, seq, problem }: ChainBreak) =>
  `chain ${chain} broken at link ${link}${seq === null ? '' : ` (record ${seq})`}: ${problem}`;

function describeChain({ chain, entries, firstBroken, head }: AuditChainReport): string {
  if (firstBroken) return `  ${describeBreak(firstBroken)} (${counted(entries, 'record')})`;
  return `  chain ${chain}: ${counted(entries, 'record')}, intact, head link ${head.link} (record ${head.seq}) hash ${head.hash}`;
}

/** The agency's line, then one line per chain. */
function describeReport(name: string, { entries, chains, firstBroken }: AuditTrailReport): string {
  const summary = firstBroken
    ? `${name}: ${describeBreak(firstBroken)}`
    : `${name}: ${counted(entries, 'record')} in ${counted(chains.length, 'chain')}, every chain intact`;
  return [summary, ...chains.map(describeChain)].join('\n');
}

/** One agency's line, and whether its chain is known to be intact. */
async function verifyAgency(definition: SubgraphDefinition<unknown>): Promise<{ line: string; intact: boolean }> {
  const config = readSubgraphDatabaseConfig(process.env, {
    ...definition,
    defaultDataDir: resolve(ROOT, 'data', definition.name),
  });
  // Opening a missing PGlite directory or PostgreSQL database would create an empty one; a
  // verification must not invent the database it is asked about.
  if ('dataDir' in config.database && !existsSync(config.database.dataDir)) {
    return { line: `${definition.name}: no database at ${config.database.dataDir}, nothing to verify`, intact: true };
  }
  const database = await openSubgraphDatabase(definition, { ...config, createDatabase: false });
  try {
    const report = await verifyAuditChain(database);
    return { line: describeReport(definition.name, report), intact: report.firstBroken === null };
  } finally {
    await database.close();
  }
}

async function main(): Promise<number> {
  let only;
  try {
    only = parseOnly(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (only === 'help') {
    console.log(USAGE);
    return 0;
  }
  let allIntact = true;
  for (const definition of SUBGRAPHS.filter((s) => only.length === 0 || only.includes(s.name))) {
    const { line, intact } = await verifyAgency(definition).catch((error: unknown) => ({
      line: `${definition.name}: could not verify: ${(error as Error).message}`,
      intact: false,
    }));
    (intact ? console.log : console.error)(line);
    allIntact &&= intact;
  }
  return allIntact ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
