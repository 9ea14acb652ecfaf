import 'reflect-metadata';
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeSupergraph } from '../compose';
import { generatedFilesOf } from '../generated-files';
import { readSavedOperations } from '../operations';
import { SUBGRAPHS } from '../subgraphs';
import { ScratchRepository } from './scratch-repository';
import { RUN_FROM_SOURCE } from '@jembatan/kit/build';

const CHECK_SCRIPT = resolve(__dirname, '..', 'check.ts');
const SCHEMA_PACKAGE = resolve(__dirname, '..', '..');

/** Runs `pnpm schema:check`'s script as CI does, in a child process; resolves with its exit code and output. */
async function runCheck(...args: string[]): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  const env = { ...process.env, SCHEMA_CHECK_BASE: '' };
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [...RUN_FROM_SOURCE, CHECK_SCRIPT, ...args],
      { cwd: SCHEMA_PACKAGE, env, timeout: 60_000 },
    );
    return { exitCode: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout: string; stderr: string };
    if (typeof failed.code !== 'number') throw error;
    return { exitCode: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/**
 * The real subgraphs against a history in which the supergraph still had a root field: the code
 * (which never had it) removes it, a breaking change.
 */
describe('pnpm schema:check, as a process', () => {
  const repo = new ScratchRepository();
  const schemaDir = join(repo.root, 'schema');
  afterAll(() => repo.remove());

  beforeAll(async () => {
    const generated = await generatedFilesOf(composeSupergraph(SUBGRAPHS), readSavedOperations());
    const current = Object.fromEntries([
      ...readSavedOperations().map((operation) => [`schema/operations/${operation.file}`, operation.source]),
      ...Object.entries(generated).map(([file, content]) => [`schema/${file}`, content]),
    ]);
    const supergraph = current['schema/supergraph.graphql']!;
    // Query carries one @join__type per registered subgraph, however many agencies there are.
    const withLegacyField = supergraph.replace(
      /type Query\n( {2}@join__type\(graph: [A-Z_]+\)\n)+\{\n/,
      '$&  """Units counted the old way."""\n  legacyUnitCount: Int! @join__field(graph: WORKFORCE)\n\n',
    );
    expect(withLegacyField).not.toBe(supergraph);
    repo.commit('baseline', { ...current, 'schema/supergraph.graphql': withLegacyField });
    repo.commit('remove Query.legacyUnitCount', current);
  });

  it('exits 1 on an unacknowledged breaking change, printing the entry to add', async () => {
    const { exitCode, stdout } = await runCheck('--schema-dir', schemaDir);
    expect(exitCode).toBe(1);
    const composed = SUBGRAPHS.map((subgraph) => subgraph.name).join(', ');
    expect(stdout).toContain(`Composition: ok (${composed}).\nGenerated files: current.\nSaved operations: `);
    expect(stdout).toContain(
      "FIELD_REMOVED Query.legacyUnitCount: Field 'legacyUnitCount' was removed from object type 'Query' (NOT acknowledged)",
    );
    expect(stdout).toContain('of schema/breaking-changes.json in this same change');
    expect(stdout).toContain('      "coordinate": "Query.legacyUnitCount",\n      "change": "FIELD_REMOVED",\n');
    expect(stdout).toMatch(/Schema check FAILED:\n {2}\[BREAKING_CHANGES_UNACKNOWLEDGED\] 1 breaking change/);
  });

  it('exits 0 once the change acknowledges it, and still lists it', async () => {
    repo.write({
      'schema/breaking-changes.json': JSON.stringify({
        acknowledged: [
          {
            coordinate: 'Query.legacyUnitCount',
            change: 'FIELD_REMOVED',
            reason: 'It counted units twice.',
            migration: 'Use workforceStatistics.unitCount.',
          },
        ],
      }),
    });
    const { exitCode, stdout } = await runCheck('--schema-dir', schemaDir);
    expect(exitCode).toBe(0);
    expect(stdout).toContain('FIELD_REMOVED Query.legacyUnitCount: ');
    expect(stdout).toContain('(acknowledged)');
    expect(stdout).toMatch(/\nSchema check passed\.\n$/);
  });

  it('exits 2 when asked for a base this clone does not have', async () => {
    const { exitCode, stdout, stderr } = await runCheck('--schema-dir', schemaDir, '--base', 'release/1.0');
    expect(exitCode).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      "Schema check could not run: [BASE_NOT_FOUND] The base revision 'release/1.0' is not in this clone.\n",
    );
  });
});
