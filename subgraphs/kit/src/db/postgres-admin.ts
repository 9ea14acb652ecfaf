import { Client } from 'pg';

function adminUrl(url: string): { admin: string; database: string } {
  const parsed = new URL(url);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(database)) throw new Error(`Unsupported database name "${database}"`);
  parsed.pathname = '/postgres';
  return { admin: parsed.toString(), database };
}

async function withAdmin<T>(url: string, work: (client: Client, database: string) => Promise<T>): Promise<T> {
  const { admin, database } = adminUrl(url);
  const client = new Client({ connectionString: admin });
  await client.connect();
  try {
    return await work(client, database);
  } finally {
    await client.end();
  }
}

/** Creates the database a URL names when the server lacks it (first start on a fresh server). */
export async function ensurePostgresDatabase(url: string): Promise<void> {
  await withAdmin(url, async (client, database) => {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database}"`);
  });
}

export async function dropPostgresDatabase(url: string): Promise<void> {
  await withAdmin(url, (client, database) => client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
}

/** The URL of database `database` on the server another URL points at. */
export function withDatabaseName(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
