import { TEST_POSTGRES_URL } from '@jembatan/kit/testing';

export type TestEngine = 'pglite' | 'postgres';

/** Which database engine this e2e project runs on (set per vitest project). */
export function testEngine(): TestEngine {
  return process.env.JEMBATAN_TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite';
}

/** The PostgreSQL server every development and CI machine runs; `JEMBATAN_TEST_POSTGRES_URL` points elsewhere. */
export const POSTGRES_SERVER_URL = TEST_POSTGRES_URL;
