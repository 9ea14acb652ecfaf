import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { ClientCodegenError } from './client-codegen-error';
import { generateClientFiles } from './client-files';

/** `pnpm client:generate`: regenerates src/generated/ from the saved operations and the supergraph. */
generateClientFiles().then(
  (files) => {
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
      console.log(`wrote ${relative(process.cwd(), path)}`);
    }
  },
  (error: unknown) => {
    console.error(error instanceof ClientCodegenError ? error.message : error);
    process.exit(1);
  },
);
