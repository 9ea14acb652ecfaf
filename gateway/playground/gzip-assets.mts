import { readFile, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const gzipped = promisify(gzip);
/** Text and fonts shrink several times under gzip; images and woff2 are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.ttf', '.wasm']);

/**
 * Writes `<file>.gz` beside every compressible file of the build, once, at the best level: the
 * gateway serves those to browsers that accept gzip (7 MB of Monaco and GraphiQL becomes about
 * 2 MB) without compressing anything per request.
 */
export function gzipAssets(): Plugin {
  return {
    name: 'jembatan-gzip-assets',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir!;
      const files = Object.keys(bundle).filter((file) => COMPRESSIBLE.has(extname(file)));
      await Promise.all(
        files.map(async (file) => {
          const path = join(dir, file);
          await writeFile(`${path}.gz`, await gzipped(await readFile(path), { level: 9 }));
        }),
      );
    },
  };
}
