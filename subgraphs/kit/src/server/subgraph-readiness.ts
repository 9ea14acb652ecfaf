import type { Database } from '../db/database';
import { readSeedLedger } from '../seed/seed-ledger';
import type { ReadinessCheck } from './readiness-check';

/**
 * What a subgraph needs before it can answer: its database answers, its schema is the one this
 * code was written for, and no seed load is half done (a subgraph started on such a database
 * refuses to start; these catch the same states arising while it runs, e.g. `pnpm seed --reset`
 * on PostgreSQL or a migration reverted by an operator).
 */
export function subgraphReadinessChecks(database: Database): ReadinessCheck[] {
  return [
    {
      name: 'database',
      async run() {
        await database.dataSource.query('SELECT 1');
      },
    },
    {
      name: 'migrations',
      async run() {
        // True when some migration of this code is not applied (TypeORM logs the list to our
        // statement counter, which ignores it).
        if (await database.dataSource.showMigrations()) {
          throw new Error('migrations pending: the database schema is older than this code');
        }
      },
    },
    {
      name: 'seed',
      async run() {
        const ledger = await readSeedLedger(database);
        if (ledger?.state === 'loading') {
          throw new Error(`the ${ledger.preset} preset is loading, or its load was interrupted`);
        }
      },
    },
  ];
}
