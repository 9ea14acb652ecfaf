import 'reflect-metadata';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { SCHEMA_DIR } from './artifacts';
import { composeSupergraph, CompositionError } from './compose';
import { generatedFilesOf } from './generated-files';
import { readSavedOperations } from './operations';
import { SUBGRAPHS } from './subgraphs';

/** SDL left behind by a subgraph that no longer exists; the schema check reports it as stale. */
function removeLeftoverSubgraphSdl(generated: Record<string, string>): void {
  const dir = join(SCHEMA_DIR, 'subgraphs');
  for (const file of readdirSync(dir)) {
    if (file.endsWith('.graphql') && !(`subgraphs/${file}` in generated)) {
      rmSync(join(dir, file));
      console.log(`removed ${relative(process.cwd(), join(dir, file))}`);
    }
  }
}

/**
 * Regenerates schema/subgraphs/*.graphql and schema/supergraph.graphql from the code, the trusted
 * operations manifest (schema/operations/manifest.json) from the saved operations, and the schema
 * reference (schema/reference.md) from the supergraph.
 */
async function generate(): Promise<void> {
  const files = await generatedFilesOf(composeSupergraph(SUBGRAPHS), readSavedOperations());
  for (const [file, content] of Object.entries(files)) {
    const path = join(SCHEMA_DIR, file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    console.log(`wrote ${relative(process.cwd(), path)}`);
  }
  removeLeftoverSubgraphSdl(files);
}

generate().catch((error: unknown) => {
  console.error(error instanceof CompositionError ? error.message : error);
  process.exit(1);
});
