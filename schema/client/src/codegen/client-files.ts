import { readFileSync } from 'node:fs';
import { OPERATION_MANIFEST_PATH, OPERATIONS_DIR, SUPERGRAPH_PATH } from '@jembatan/schema/src/artifacts';
import type { OperationManifest } from '@jembatan/schema/src/manifest';
import { apiSchemaOf, readSavedOperations } from '@jembatan/schema/src/operations';
import { generateOperationTypes, OPERATIONS_PATH } from './generate-operation-types';
import { generatePersistedOperations, PERSISTED_OPERATIONS_PATH } from './generate-persisted-operations';

/**
 * Every generated file of the client, path → content, from the committed supergraph, saved
 * operations and manifest. `pnpm client:generate` writes them; a spec fails when they differ.
 */
export async function generateClientFiles(): Promise<Record<string, string>> {
  const manifest = JSON.parse(readFileSync(OPERATION_MANIFEST_PATH, 'utf8')) as OperationManifest;
  return {
    [OPERATIONS_PATH]: await generateOperationTypes({
      apiSchema: apiSchemaOf(readFileSync(SUPERGRAPH_PATH, 'utf8')),
      operationsDir: OPERATIONS_DIR,
    }),
    [PERSISTED_OPERATIONS_PATH]: await generatePersistedOperations(manifest, readSavedOperations()),
  };
}
