import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { artifactsOf, OPERATION_MANIFEST_PATH } from './artifacts';
import { composeSupergraph, CompositionError } from './compose';
import { buildOperationManifest, operationManifestFileOf } from './manifest';
import { readSavedOperations } from './operations';
import { SUBGRAPHS } from './subgraphs';

/**
 * Regenerates schema/subgraphs/*.graphql and schema/supergraph.graphql from the code, and the
 * trusted operations manifest (schema/operations/manifest.json) from the saved operations.
 */
try {
  const files = {
    ...artifactsOf(composeSupergraph(SUBGRAPHS)),
    [OPERATION_MANIFEST_PATH]: operationManifestFileOf(buildOperationManifest(readSavedOperations())),
  };
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    console.log(`wrote ${relative(process.cwd(), path)}`);
  }
} catch (error) {
  console.error(error instanceof CompositionError ? error.message : error);
  process.exit(1);
}
