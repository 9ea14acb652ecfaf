import { defineConfig } from 'tsup';

/**
 * What a frontend team outside this repository installs: ESM and CommonJS with type declarations,
 * one file each, so `import` and `require` both work from plain Node and TypeScript. graphql and
 * the typed-document-node types stay dependencies rather than being bundled, so an application
 * keeps one graphql instance.
 */
export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  outDir: 'dist',
  clean: true,
  target: 'es2022',
  platform: 'neutral',
  sourcemap: true,
  external: ['graphql', '@graphql-typed-document-node/core'],
  tsconfig: 'tsconfig.build.json',
});
