import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compiledSources, digestFiles, type CompiledLayout } from './compiled-sources';
import { COMPILE_OPTIONS_DIGEST } from './compile-options';

/** Written last by a build into the output folder: what the output was compiled from. */
export interface BuildInfo {
  package: string;
  layout: CompiledLayout;
  /** Digest of the compile options (COMPILE_OPTIONS_DIGEST) the output was built with. */
  compileOptions: string;
  /** SHA-256 by path relative to the package: every compiled source, and package.json. */
  sources: Record<string, string>;
}

export const BUILD_INFO_FILE = 'build-info.json';

/** The digests the output of a package must match: its sources and its package.json as they are now. */
export function currentSources(packageDir: string, layout: CompiledLayout): Record<string, string> {
  const sources = compiledSources(packageDir, layout).map((path) => join(layout.sourceDir, path));
  return digestFiles(packageDir, ['package.json', ...sources]);
}

export function describeBuild(packageDir: string, layout: CompiledLayout): BuildInfo {
  const { name } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { name: string };
  return { package: name, layout, compileOptions: COMPILE_OPTIONS_DIGEST, sources: currentSources(packageDir, layout) };
}

export function writeBuildInfo(folder: string, info: BuildInfo): void {
  writeFileSync(join(folder, BUILD_INFO_FILE), `${JSON.stringify(info, null, 2)}\n`);
}

/** The build info of a package's output, or undefined when it was never built (or only partly). */
export function readBuildInfo(packageDir: string, outDir: string): BuildInfo | undefined {
  try {
    return JSON.parse(readFileSync(join(packageDir, outDir, BUILD_INFO_FILE), 'utf8')) as BuildInfo;
  } catch {
    return undefined;
  }
}
