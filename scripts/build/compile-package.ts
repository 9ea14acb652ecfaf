import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { transformFile, type Options } from '@swc/core';
import {
  COMPILE_OPTIONS,
  compiledSources,
  describeBuild,
  writeBuildInfo,
  type CompiledLayout,
} from '@jembatan/kit/build';

const SWC_OPTIONS: Options = COMPILE_OPTIONS;

/** Compiles one file into `staged`, with its source map naming the source as seen from `output`. */
async function compileFile(source: string, output: string, staged: string): Promise<void> {
  const { code, map } = await transformFile(source, {
    ...SWC_OPTIONS,
    sourceFileName: relative(dirname(output), source),
  });
  mkdirSync(dirname(staged), { recursive: true });
  writeFileSync(staged, `${code}\n//# sourceMappingURL=${basename(output)}.map\n`);
  if (map) writeFileSync(`${staged}.map`, map);
}

/**
 * Compiles a package's sources into its output folder, replacing what was there. The output is
 * written aside first (under the package's node_modules/.cache, ignored and on the same disk)
 * and moved into place whole with its build info, so a process never starts from half an
 * output that claims to be fresh. Returns how many files it compiled.
 */
export async function compilePackage(packageDir: string, layout: CompiledLayout): Promise<number> {
  // Digested before compiling: a source edited meanwhile leaves the output stale, never falsely fresh.
  const info = describeBuild(packageDir, layout);
  const out = join(packageDir, layout.outDir);
  const staging = join(packageDir, 'node_modules', '.cache', `jembatan-build-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  try {
    const sources = compiledSources(packageDir, layout);
    await Promise.all(
      sources.map((path) => {
        const js = path.replace(/\.ts$/, '.js');
        return compileFile(join(packageDir, layout.sourceDir, path), join(out, js), join(staging, js));
      }),
    );
    writeBuildInfo(staging, info);
    rmSync(out, { recursive: true, force: true });
    renameSync(staging, out);
    return sources.length;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
