import 'reflect-metadata';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SchemaCheckError } from '../check-errors';
import { formatCheckResult } from '../check-report';
import { runSchemaCheck } from '../check-run';
import { CompositionError, type Composition } from '../compose';
import { fixtureComposition, schemaFolderFiles } from './check-fixture';
import { git, ScratchFolder, ScratchRepository } from './scratch-repository';

const ACK_FILE = 'schema/breaking-changes.json';
const ackFile = (...coordinates: string[]) =>
  JSON.stringify({
    acknowledged: coordinates.map((coordinate) => ({
      coordinate,
      change: 'FIELD_REMOVED',
      reason: 'SKUs replaced the old codes in 2016.',
      migration: 'Query items by sku.',
    })),
  });

async function withEnv<T>(values: Record<string, string>, run: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(values).map((name) => [name, process.env[name]]));
  Object.assign(process.env, values);
  try {
    return await run();
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

const breakingIn = (result: Awaited<ReturnType<typeof runSchemaCheck>>) =>
  result.unacknowledged.map((change) => `${change.kind} ${change.coordinate}`);

describe('the schema check against a git baseline', () => {
  let after: Composition;
  let beforeFiles: Record<string, string>;
  let afterFiles: Record<string, string>;
  const scratch: ScratchFolder[] = [];
  const kept = <T extends ScratchFolder>(folder: T): T => {
    scratch.push(folder);
    return folder;
  };
  const repository = () => kept(new ScratchRepository());
  const check = (root: string, base?: string) =>
    runSchemaCheck({ schemaDir: join(root, 'schema'), base, compose: () => after });

  beforeAll(async () => {
    after = fixtureComposition('after');
    beforeFiles = await schemaFolderFiles(fixtureComposition('before'));
    afterFiles = await schemaFolderFiles(after);
  });
  afterAll(() => scratch.forEach((repo) => repo.remove()));

  it('fails on a breaking change in the working tree that nobody acknowledged, saying what to add', async () => {
    const repo = repository();
    repo.commit('baseline', beforeFiles);
    repo.commit('unrelated');
    repo.write(afterFiles);

    const result = await check(repo.root);
    expect(result.passed).toBe(false);
    expect(breakingIn(result)).toEqual(['FIELD_REMOVED Item.legacyCode']);
    expect(result.files.map((file) => [file.file, file.changes.map((change) => change.kind)])).toEqual([
      ['supergraph.graphql', ['FIELD_REMOVED']],
      ['subgraphs/pricing.graphql', []],
      ['subgraphs/warehouse.graphql', ['FIELD_REMOVED']],
    ]);
    const report = formatCheckResult(result, 'schema/');
    expect(report).toContain(
      "FIELD_REMOVED Item.legacyCode: Field 'legacyCode' was removed from object type 'Item' (NOT acknowledged)",
    );
    expect(report).toContain(
      '[BREAKING_CHANGES_UNACKNOWLEDGED] 1 breaking change(s) are not acknowledged. If they are meant, add these ' +
        'entries to the "acknowledged" array of schema/breaking-changes.json',
    );
    expect(report).toContain('      "coordinate": "Item.legacyCode",\n      "change": "FIELD_REMOVED",\n');
  });

  it('passes when the change adds an entry for it, committed or not', async () => {
    const repo = repository();
    repo.commit('baseline', beforeFiles);
    repo.write({ ...afterFiles, [ACK_FILE]: ackFile('Item.legacyCode') });

    const uncommitted = await check(repo.root);
    expect(uncommitted.passed).toBe(true);
    expect(uncommitted.acknowledged.map((change) => change.coordinate)).toEqual(['Item.legacyCode']);
    expect(formatCheckResult(uncommitted, 'schema/')).toContain('(acknowledged)');

    repo.commit('remove Item.legacyCode');
    expect((await check(repo.root)).passed).toBe(true);
  });

  it('does not count an entry that was already there at the base', async () => {
    const repo = repository();
    // An older change removed a field of the same name and was acknowledged then.
    repo.commit('baseline with an older acknowledgement', { ...beforeFiles, [ACK_FILE]: ackFile('Item.legacyCode') });
    repo.commit('remove Item.legacyCode again', afterFiles);

    const result = await check(repo.root);
    expect(result.passed).toBe(false);
    expect(breakingIn(result)).toEqual(['FIELD_REMOVED Item.legacyCode']);

    repo.write({ [ACK_FILE]: ackFile('Item.legacyCode', 'Item.legacyCode') });
    expect((await check(repo.root)).passed).toBe(true);
  });

  it('notes an added entry that matches no breaking change', async () => {
    const repo = repository();
    repo.commit('baseline', beforeFiles);
    repo.write({ ...afterFiles, [ACK_FILE]: ackFile('Item.legacy') });

    const result = await check(repo.root);
    expect(breakingIn(result)).toEqual(['FIELD_REMOVED Item.legacyCode']);
    expect(result.unmatchedAcknowledgements.map((entry) => entry.coordinate)).toEqual(['Item.legacy']);
    expect(formatCheckResult(result, 'schema/')).toContain('match no breaking change');
  });

  it('compares with the merge-base when HEAD has left origin/main, so no commit of the branch escapes', async () => {
    const repo = repository();
    const main = repo.commit('baseline', beforeFiles);
    git(repo.root, 'update-ref', 'refs/remotes/origin/main', main);
    repo.commit('remove Item.legacyCode', afterFiles);
    repo.commit('unrelated', { 'notes.txt': 'later work\n' });

    const result = await check(repo.root);
    expect(result.baseline?.description).toBe('the merge-base of HEAD and origin/main');
    expect(result.baseline?.label).toBe(`merge-base@${main.slice(0, 10)}`);
    expect(breakingIn(result)).toEqual(['FIELD_REMOVED Item.legacyCode']);
  });

  it('compares with the parent of HEAD on main, which is what a fresh clone in CI sees', async () => {
    const repo = repository();
    repo.commit('baseline', beforeFiles);
    const parent = repo.commit('remove Item.legacyCode', afterFiles);
    repo.commit('unrelated', { 'notes.txt': 'later work\n' });
    const clone = kept(repo.clone());

    const result = await check(clone.root);
    expect(result.baseline?.label).toBe(`HEAD^@${parent.slice(0, 10)}`);
    expect(result.passed).toBe(true);
    // The commit that broke the schema is checked when it is the last one, or with an explicit base.
    expect(breakingIn(await check(clone.root, 'HEAD~2'))).toEqual(['FIELD_REMOVED Item.legacyCode']);
  });

  it('refuses a base the clone does not have', async () => {
    const repo = repository();
    repo.commit('baseline', afterFiles);
    await expect(check(repo.root, 'no-such-branch')).rejects.toThrow(
      new SchemaCheckError('BASE_NOT_FOUND', "The base revision 'no-such-branch' is not in this clone."),
    );
  });

  it('in a shallow clone without the parent, compares with HEAD and says what it cannot see', async () => {
    const repo = repository();
    repo.commit('baseline', beforeFiles);
    repo.commit('unrelated', { 'notes.txt': 'later work\n' });
    const clone = kept(repo.clone('--depth', '1'));
    clone.write({ 'schema/subgraphs/warehouse.graphql': afterFiles['schema/subgraphs/warehouse.graphql']! });

    const result = await check(clone.root);
    expect(result.baseline?.description).toBe(
      'HEAD itself: this clone is shallow and does not have the parent of HEAD',
    );
    expect(result.baseline?.warnings[0]).toMatch(/^this clone is shallow .*changes HEAD itself made are not checked/);
    // What it can see, it still checks: the working tree against HEAD.
    expect(breakingIn(result)).toEqual(['FIELD_REMOVED Item.legacyCode']);
  });

  it('outside a git checkout, compares with the files on disk and accepts no acknowledgement', async () => {
    const folder = kept(new ScratchFolder());
    folder.write({ ...beforeFiles, [ACK_FILE]: ackFile('Item.legacyCode') });

    // git must not find a repository around the temp folder either.
    const result = await withEnv({ GIT_CEILING_DIRECTORIES: dirname(folder.root) }, () => check(folder.root));
    expect(result.baseline?.warnings[0]).toMatch(/^not a git checkout: compared the code with the committed files/);
    expect(breakingIn(result)).toEqual(['FIELD_REMOVED Item.legacyCode']);
    expect(result.staleFiles.map((stale) => stale.file)).toEqual([
      'supergraph.graphql',
      'subgraphs/warehouse.graphql',
      'reference.md',
    ]);
  });

  it('lists stale generated files and saved operations that do not parse, each with its file', async () => {
    const repo = repository();
    repo.commit('baseline', afterFiles);
    repo.write({
      'schema/reference.md': `${afterFiles['schema/reference.md']}\nEdited by hand.\n`,
      'schema/operations/Broken.graphql': 'query Broken { item(sku: "A-1") { name }\n',
      'schema/subgraphs/retired.graphql': 'type Query { retired: Int }\n',
    });

    const result = await check(repo.root);
    expect(result.passed).toBe(false);
    expect(result.staleFiles).toEqual([
      { file: 'reference.md', problem: 'out of date' },
      { file: 'subgraphs/retired.graphql', problem: 'left over' },
    ]);
    expect(result.operationErrors).toEqual([
      'operations/Broken.graphql:2:1: Syntax Error: Expected Name, found <EOF>.',
    ]);
    const report = formatCheckResult(result, 'schema/');
    expect(report).toContain('  schema/reference.md (out of date)\n');
    expect(report).toContain(
      '[GENERATED_FILES_STALE] 2 generated file(s) do not match the code: run `pnpm schema:generate`',
    );
    expect(report).toContain('[OPERATIONS_INVALID] 1 problem(s) in the saved operations');
  });

  it('validates every saved operation against the supergraph of the code', async () => {
    const repo = repository();
    repo.commit('baseline', afterFiles);
    repo.write({
      'schema/operations/ItemName.graphql': 'query ItemName {\n  item(sku: "A-1") {\n    legacyCode\n  }\n}\n',
    });

    const result = await check(repo.root);
    expect(result.operationErrors).toEqual([
      'operations/ItemName.graphql:3:5: Cannot query field "legacyCode" on type "Item".',
    ]);
  });

  it('reports composition errors readably and checks nothing else', async () => {
    const result = await runSchemaCheck({
      schemaDir: kept(new ScratchFolder()).root,
      base: undefined,
      compose: () => {
        throw new CompositionError('Composition failed with 1 error(s):\n  - [INVALID_FIELD_SHARING] Item.name');
      },
    });
    expect(result.passed).toBe(false);
    expect(result.baseline).toBeUndefined();
    expect(result.files).toEqual([]);
    expect(formatCheckResult(result, 'schema/')).toBe(
      'Composition failed with 1 error(s):\n  - [INVALID_FIELD_SHARING] Item.name\n\nSchema check FAILED:\n' +
        '  [COMPOSITION_FAILED] The subgraphs do not compose; fix the errors above in the subgraph code.\n',
    );
  });

  it('stops with the file and the reason when the acknowledgement file is not valid', async () => {
    const repo = repository();
    repo.commit('baseline', beforeFiles);
    repo.write({ ...afterFiles, [ACK_FILE]: '{ "acknowledged": [ { "coordinate": "Item.legacyCode" } ] }' });
    await expect(check(repo.root)).rejects.toThrow(
      new SchemaCheckError(
        'ACKNOWLEDGEMENTS_INVALID',
        'breaking-changes.json: acknowledged[0].change must be filled in (a non-empty string, not a <placeholder>)',
      ),
    );
  });
});
