import { appendFileSync, mkdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDataFolder } from '../../testing';
import { BUILD_INFO_FILE, describeBuild, readBuildInfo, writeBuildInfo } from '../build-info';
import { buildProblems } from '../build-freshness';
import type { CompiledLayout } from '../compiled-sources';

const LAYOUT: CompiledLayout = { sourceDir: 'src', outDir: 'dist', exclude: ['testing'] };
let workspace: string;
const app = () => join(workspace, 'app');
const lib = () => join(workspace, 'lib');

function write(path: string, content: string) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

/** What `pnpm build` leaves for the freshness check: the build info of the sources as they are. */
function build(packageDir: string) {
  mkdirSync(join(packageDir, 'dist'), { recursive: true });
  writeBuildInfo(join(packageDir, 'dist'), describeBuild(packageDir, LAYOUT));
}

const problems = () => buildProblems(app(), workspace);

/** An app depending on a library, both built: a workspace in miniature, linked as pnpm links it. */
beforeEach(() => {
  workspace = testDataFolder('build-freshness');
  write(join(app(), 'package.json'), JSON.stringify({ name: 'app', dependencies: { lib: 'workspace:*', x: '1.0.0' } }));
  write(join(app(), 'src', 'main.ts'), "import 'lib';\n");
  write(join(lib(), 'package.json'), JSON.stringify({ name: 'lib' }));
  write(join(lib(), 'src', 'index.ts'), 'export const one = 1;\n');
  write(join(lib(), 'src', 'deep', 'two.ts'), 'export const two = 2;\n');
  mkdirSync(join(app(), 'node_modules'));
  symlinkSync(lib(), join(app(), 'node_modules', 'lib'));
  build(app());
  build(lib());
});
afterEach(() => rmSync(workspace, { recursive: true, force: true }));

describe('build freshness', () => {
  it('accepts output built from the sources beside it', () => {
    expect(problems()).toEqual([]);
    expect(Object.keys(readBuildInfo(lib(), 'dist')!.sources)).toEqual([
      'package.json',
      'src/deep/two.ts',
      'src/index.ts',
    ]);
  });

  it("names a dependency's sources changed, added and removed since its build", () => {
    appendFileSync(join(lib(), 'src', 'index.ts'), 'export const three = 3;\n');
    write(join(lib(), 'src', 'added.ts'), 'export {};\n');
    rmSync(join(lib(), 'src', 'deep', 'two.ts'));
    expect(problems()).toEqual([
      'lib/dist was built from other sources than lib/src (changed: src/added.ts, src/deep/two.ts, src/index.ts); run `pnpm build`',
    ]);
  });

  it('counts package.json and the compile options as sources, and lists at most five changes', () => {
    appendFileSync(join(app(), 'package.json'), '\n');
    for (const name of ['a', 'b', 'c', 'd', 'e']) write(join(app(), 'src', `${name}.ts`), '');
    expect(problems()).toEqual([
      'app/dist was built from other sources than app/src (changed: package.json, src/a.ts, src/b.ts, src/c.ts, src/d.ts and 1 more); run `pnpm build`',
    ]);
    const info = readBuildInfo(lib(), 'dist')!;
    writeBuildInfo(join(lib(), 'dist'), { ...info, compileOptions: 'other' });
    expect(problems()[1]).toBe(
      'lib/dist was built from other sources than lib/src (changed: the compile options); run `pnpm build`',
    );
  });

  it('ignores tests and what the layout leaves out of the output', () => {
    write(join(lib(), 'src', '__tests__', 'index.spec.ts'), '');
    write(join(lib(), 'src', 'deep', 'two.spec.ts'), '');
    write(join(lib(), 'src', 'testing', 'helpers.ts'), '');
    write(join(lib(), 'src', 'notes.md'), '');
    expect(problems()).toEqual([]);
  });

  it('refuses missing output, and accepts output shipped without its sources', () => {
    rmSync(join(lib(), 'dist', BUILD_INFO_FILE));
    expect(problems()).toEqual(['lib: no compiled output in lib/dist; run `pnpm build` first']);
    build(lib());
    renameSync(join(app(), 'src'), join(workspace, 'app-src-elsewhere'));
    appendFileSync(join(app(), 'package.json'), '\n');
    expect(problems()).toEqual([]);
  });
});
