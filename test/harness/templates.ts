import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { withDatabaseName, type DatabaseLocation } from '@jembatan/kit';
import { testDatabaseName, testDataFolder } from '@jembatan/kit/testing';
import { POSTGRES_SERVER_URL, type TestEngine } from './engine';

/**
 * Seeded template databases, made once per test run by the global setup. Every supergraph a
 * test starts gets its own copy: a directory copy on PGlite (initdb costs ~4 s, a copy far
 * less), `CREATE DATABASE … TEMPLATE` on PostgreSQL.
 */
export interface Templates {
  engine: TestEngine;
  /** Subgraph name → template data directory (PGlite) or database name (PostgreSQL). */
  bySubgraph: Record<string, string>;
}

export async function copyTemplate(templates: Templates, subgraph: string): Promise<DatabaseLocation> {
  const template = templates.bySubgraph[subgraph];
  if (!template) throw new Error(`No template database for subgraph ${subgraph}`);
  if (templates.engine === 'pglite') {
    const dataDir = join(testDataFolder(subgraph), 'db');
    cpSync(template, dataDir, { recursive: true });
    return { dataDir };
  }
  const name = testDatabaseName(subgraph);
  const client = new Client({ connectionString: POSTGRES_SERVER_URL });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  } finally {
    await client.end();
  }
  return { url: withDatabaseName(POSTGRES_SERVER_URL, name) };
}
