import { fileURLToPath } from 'node:url';
import { defaultClientConditions, defineConfig } from 'vite';
import { gzipAssets } from './gzip-assets.mts';

/** The saved example operations, one tab each; the bundle is rebuilt when they change. */
const OPERATIONS_DIR = fileURLToPath(new URL('../../schema/operations', import.meta.url));

/**
 * Everything the page needs is bundled into dist/, Monaco's workers and fonts included, and
 * served by the gateway under /playground/: the page makes no request to any other origin.
 */
export default defineConfig({
  base: '/playground/',
  plugins: [gzipAssets()],
  // The kit's browser-safe modules (the CSV's table flattening, the operations' caller line) come
  // from their sources, as in development; nothing else of the kit is imported here.
  resolve: { alias: { '@operations': OPERATIONS_DIR }, conditions: ['jembatan-source', ...defaultClientConditions] },
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    emptyOutDir: true,
    // Monaco alone is a few megabytes; served once, then cached for a year under its hash.
    chunkSizeWarningLimit: 8000,
    rolldownOptions: {
      onwarn(warning, warn) {
        // framer-motion marks its React server-component boundaries; meaningless in a static page.
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});
