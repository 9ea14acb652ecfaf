import type { Database } from '../db/database';
import { readSeedLedger } from './seed-ledger';
import type { SeedCatalog } from './seed-plan';
import { seedDatabase, SeedRefusedError, type SeedOutcome } from './seed-database';

/**
 * The seed policy of a starting service: load `preset` into an empty database, keep whatever
 * complete preset is already there (an operator may have loaded another with `pnpm seed`), and
 * repair an interrupted load of the same preset. An interrupted load of another preset is the
 * operator's to finish, so the service refuses to serve it half loaded.
 */
export async function seedIfEmpty(database: Database, catalog: SeedCatalog, preset: string): Promise<SeedOutcome> {
  const ledger = await readSeedLedger(database);
  if (ledger?.state === 'complete') {
    return { preset: ledger.preset, action: 'kept', rowCounts: ledger.rowCounts, seconds: 0 };
  }
  if (ledger?.state === 'loading' && ledger.preset !== preset) {
    throw new SeedRefusedError(
      `The database holds an interrupted load of the ${ledger.preset} preset; finish it with pnpm seed --preset ${ledger.preset}, or replace it with --reset`,
    );
  }
  return seedDatabase(database, catalog, { preset });
}
