export type TestEngine = 'pglite' | 'postgres';

/** Which database engine this e2e project runs on (set per vitest project). */
export function testEngine(): TestEngine {
  return process.env.JEMBATAN_TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite';
}

/** The PostgreSQL server every development and CI machine runs; overridable for other setups. */
export const POSTGRES_SERVER_URL =
  process.env.JEMBATAN_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
