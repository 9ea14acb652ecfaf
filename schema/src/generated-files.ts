import { relative } from 'node:path';
import { artifactsOf, SCHEMA_DIR } from './artifacts';
import type { Composition } from './compose';
import { buildOperationManifest, operationManifestFileOf } from './manifest';
import type { SavedOperation } from './operations';
import { REFERENCE_FILE, referenceFileOf } from './reference';

/** Relative to the schema folder. */
export const OPERATION_MANIFEST_FILE = 'operations/manifest.json';

/**
 * Every file `pnpm schema:generate` writes, by path relative to the schema folder: the subgraph
 * SDL, the supergraph, the trusted operations manifest and the schema reference.
 */
export async function generatedFilesOf(
  composition: Composition,
  operations: readonly SavedOperation[],
): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const [path, content] of Object.entries(artifactsOf(composition))) {
    files[relative(SCHEMA_DIR, path).split('\\').join('/')] = content;
  }
  files[OPERATION_MANIFEST_FILE] = operationManifestFileOf(buildOperationManifest(operations));
  files[REFERENCE_FILE] = await referenceFileOf(composition.supergraphSdl);
  return files;
}
