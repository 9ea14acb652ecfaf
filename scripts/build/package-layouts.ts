import type { CompiledLayout } from '@jembatan/kit/build';

const PACKAGE_LAYOUT: CompiledLayout = { sourceDir: 'src', outDir: 'dist', exclude: [] };

/**
 * What each package compiles: `src` → `dist`, but for the kit's test helpers (only tests import
 * them; production cannot) and, at the root, the scripts production runs (start-all, seed,
 * audit-verify, token) rather than the development tools beside them. The root's output goes
 * to the top-level `dist/`, one folder deep like `scripts/`, so paths relative to a script
 * (`resolve(__dirname, '..')`) still reach the repository root.
 */
const LAYOUTS: Record<string, CompiledLayout> = {
  '@jembatan/kit': { ...PACKAGE_LAYOUT, exclude: ['testing'] },
  jembatan: { sourceDir: 'scripts', outDir: 'dist', exclude: ['build', 'build.ts', 'new-subgraph', 'new-subgraph.ts'] },
};

export const layoutOf = (packageName: string): CompiledLayout => LAYOUTS[packageName] ?? PACKAGE_LAYOUT;
