import type { QueryRunner } from 'typeorm';

/**
 * Runs a statement of the relay's own connection in a transaction of its own. On PostgreSQL
 * that changes nothing; PGlite's socket server interleaves the protocol messages of statements
 * that connections send at once unless one of them is inside a transaction
 * (electric-sql/pglite#1046), which binds one statement's parameters to another's.
 */
export async function inShortTransaction<T>(runner: QueryRunner, run: () => Promise<T>): Promise<T> {
  await runner.startTransaction();
  try {
    const result = await run();
    await runner.commitTransaction();
    return result;
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    throw error;
  }
}
