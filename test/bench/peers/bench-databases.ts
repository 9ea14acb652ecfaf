import { spawn } from 'node:child_process';
import { ensurePostgresDatabase, withDatabaseName } from '@jembatan/kit';
import { POSTGRES_SERVER_URL } from '../../harness/engine';
import { track } from './child-processes';
import { FROM_SOURCE } from './service-command';
import type { BenchDatabases } from './systems';

/**
 * The two agencies' PostgreSQL databases holding dki2016, named `<prefix>_workforce` and
 * `<prefix>_bpjs`: created when missing and loaded by the measured checkout's own `pnpm seed`,
 * which does nothing when the databases already hold the preset (a later run reuses them).
 */
export async function dki2016Databases(root: string, prefix: string): Promise<BenchDatabases> {
  const databases = {
    workforce: withDatabaseName(POSTGRES_SERVER_URL, `${prefix}_workforce`),
    bpjs: withDatabaseName(POSTGRES_SERVER_URL, `${prefix}_bpjs`),
  };
  for (const url of Object.values(databases)) await ensurePostgresDatabase(url);
  await new Promise<void>((resolve, reject) => {
    const child = track(
      spawn(process.execPath, [...FROM_SOURCE, 'scripts/seed.ts', '--preset', 'dki2016'], {
        cwd: root,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '',
          WORKFORCE_DATABASE_URL: databases.workforce,
          BPJS_DATABASE_URL: databases.bpjs,
        },
        stdio: ['ignore', 'inherit', 'inherit'],
      }),
    );
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`pnpm seed exited with ${code}`))));
  });
  return databases;
}
