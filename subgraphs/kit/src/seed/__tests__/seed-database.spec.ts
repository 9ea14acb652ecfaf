import type { MigrationInterface, QueryRunner } from 'typeorm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database';
import { openScratchDatabase, TEST_ENGINES } from '../../testing/scratch-database';
import { seedIfEmpty } from '../seed-if-empty';
import { seedDatabase, SeedRefusedError } from '../seed-database';
import { readSeedLedger, seedLedgerMigrations } from '../seed-ledger';
import type { SeedCatalog, SeedProgress } from '../seed-plan';

class CreateShelf1700000000000 implements MigrationInterface {
  name = 'CreateShelf1700000000000';
  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE shelf (id text PRIMARY KEY, label text NOT NULL)`);
    await runner.query(
      `CREATE TABLE book (id int PRIMARY KEY, shelf_id text NOT NULL REFERENCES shelf (id), title text, note text)`,
    );
    await runner.query('CREATE INDEX book_shelf_idx ON book (shelf_id, id)');
  }
  async down(): Promise<void> {}
}

const BOOKS = 120_000;

/** A catalog whose `small` preset is tiny, `large` spans several COPY chunks and `broken` fails midway. */
const catalog: SeedCatalog = {
  presets: ['small', 'large', 'broken', 'server-only'],
  postgresOnly: ['server-only'],
  tables: ['shelf', 'book'],
  plan: (preset) => ({
    tables: [
      {
        table: 'shelf',
        columns: ['id', 'label'],
        rows: [
          ['A', `shelf of ${preset}`],
          ['B', 'quotes "and", commas'],
        ],
      },
      {
        table: 'book',
        columns: ['id', 'shelf_id', 'title', 'note'],
        rows: Array.from({ length: preset === 'small' ? 3 : BOOKS }, (_, i) => [
          i,
          i % 2 ? 'A' : 'B',
          `Book ${i}`,
          null,
        ]),
      },
    ],
    steps: [
      {
        label: 'summarising',
        estimatedRows: 1,
        run: async (sql) => {
          if (preset === 'broken') throw new Error('power cut');
          await sql.query(
            `UPDATE shelf SET label = label || ' (' || (SELECT count(*) FROM book) || ')' WHERE id = 'A'`,
          );
        },
      },
    ],
  }),
};

describe.each(TEST_ENGINES)('seedDatabase on %s', (engine) => {
  let database: Database;
  let dispose: () => Promise<void>;

  // One database per engine (a PGlite initdb costs seconds); each test starts from an empty one.
  beforeAll(async () => {
    ({ database, dispose } = await openScratchDatabase(engine, 'seed', [
      ...seedLedgerMigrations,
      CreateShelf1700000000000,
    ]));
  });

  beforeEach(async () => {
    await database.dataSource.query('TRUNCATE shelf, book, seed_run');
  });

  afterAll(() => dispose?.());

  const count = async (table: string) =>
    Number((await database.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);

  it('loads every row across several COPY chunks, runs the steps, and reports progress up to the total', async () => {
    const progress: SeedProgress[] = [];
    const outcome = await seedDatabase(database, catalog, { preset: 'large', onProgress: (p) => progress.push(p) });
    expect(outcome).toMatchObject({ preset: 'large', action: 'loaded', rowCounts: { shelf: 2, book: BOOKS } });
    expect(await count('book')).toBe(BOOKS);
    const [shelfA] = await database.dataSource.query(`SELECT label FROM shelf WHERE id = 'A'`);
    expect(shelfA.label).toBe(`shelf of large (${BOOKS})`);
    const [shelfB] = await database.dataSource.query(`SELECT label FROM shelf WHERE id = 'B'`);
    expect(shelfB.label).toBe('quotes "and", commas');
    const counted = progress.filter((p) => p.total > 0);
    expect(counted.at(-1)).toMatchObject({ done: BOOKS + 3, total: BOOKS + 3 });
    expect(counted.map((p) => p.done)).toEqual([...counted.map((p) => p.done)].sort((a, b) => a - b));
  });

  it('rebuilds the indexes and foreign keys it set aside for the load', async () => {
    await seedDatabase(database, catalog, { preset: 'small' });
    const indexes = await database.dataSource.query(`SELECT indexname FROM pg_indexes WHERE tablename = 'book'`);
    expect(indexes.map((i: { indexname: string }) => i.indexname).sort()).toEqual(['book_pkey', 'book_shelf_idx']);
    await expect(database.dataSource.query(`INSERT INTO book (id, shelf_id) VALUES (999, 'Z')`)).rejects.toThrow(
      /foreign key/,
    );
  });

  it('does nothing when the same preset is loaded again, and refuses another one without reset', async () => {
    await seedDatabase(database, catalog, { preset: 'small' });
    const again = await seedDatabase(database, catalog, { preset: 'small' });
    expect(again.action).toBe('kept');
    expect(await count('book')).toBe(3);
    await expect(seedDatabase(database, catalog, { preset: 'large' })).rejects.toThrow(
      /already holds the small preset .*--reset/,
    );
    expect(await count('book')).toBe(3);
  });

  it('replaces the data completely with reset', async () => {
    await seedDatabase(database, catalog, { preset: 'large' });
    const outcome = await seedDatabase(database, catalog, { preset: 'small', reset: true });
    expect(outcome).toMatchObject({ action: 'replaced', rowCounts: { shelf: 2, book: 3 } });
    expect(await readSeedLedger(database)).toMatchObject({ preset: 'small', state: 'complete' });
  });

  it('leaves an interrupted load empty and marked incomplete, and repairs it on the next run', async () => {
    await expect(seedDatabase(database, catalog, { preset: 'broken' })).rejects.toThrow('power cut');
    expect(await readSeedLedger(database)).toMatchObject({ preset: 'broken', state: 'loading' });
    expect(await count('book')).toBe(0);
    await expect(seedIfEmpty(database, catalog, 'small')).rejects.toThrow(
      /interrupted load of the broken preset; finish it with pnpm seed --preset broken/,
    );
    const outcome = await seedDatabase(database, catalog, { preset: 'large', reset: true });
    expect(outcome.action).toBe('repaired');
    expect(await count('book')).toBe(BOOKS);
  });

  it('lets a starting service keep whatever complete preset an operator loaded', async () => {
    await seedDatabase(database, catalog, { preset: 'large' });
    expect(await seedIfEmpty(database, catalog, 'small')).toMatchObject({ preset: 'large', action: 'kept' });
  });

  it('refuses an unknown preset, and a server-only preset on the embedded engine', async () => {
    await expect(seedDatabase(database, catalog, { preset: 'huge' })).rejects.toThrow(/Unknown seed preset "huge"/);
    if (engine === 'pglite') {
      await expect(seedDatabase(database, catalog, { preset: 'server-only' })).rejects.toThrow(SeedRefusedError);
      expect(await readSeedLedger(database)).toBeNull();
    }
  });
});
