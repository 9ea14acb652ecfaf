import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { OPERATION_MANIFEST_PATH } from '@jembatan/schema/src/artifacts';
import type { OperationManifest } from '@jembatan/schema/src/manifest';
import { readSavedOperations } from '@jembatan/schema/src/operations';
import { print, type DocumentNode } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { ClientCodegenError } from '../codegen/client-codegen-error';
import { generateClientFiles } from '../codegen/client-files';
import { OPERATIONS_PATH } from '../codegen/generate-operation-types';
import { generatePersistedOperations, PERSISTED_OPERATIONS_PATH } from '../codegen/generate-persisted-operations';
import * as operations from '../generated/operations';
import { PERSISTED_OPERATION_IDS } from '../generated/persisted-operations';

const PACKAGE_DIR = resolve(__dirname, '../..');
const manifest = JSON.parse(readFileSync(OPERATION_MANIFEST_PATH, 'utf8')) as OperationManifest;
const generatedDocument = (name: string) => (operations as Record<string, unknown>)[`${name}Document`] as DocumentNode;

describe('the generated client files', () => {
  let fresh: Record<string, string>;
  beforeAll(async () => {
    fresh = await generateClientFiles();
  });

  it.each([OPERATIONS_PATH, PERSISTED_OPERATIONS_PATH].map((path) => [relative(PACKAGE_DIR, path), path]))(
    '%s matches what codegen produces (run `pnpm client:generate` after changing an operation or the schema)',
    (_name, path) => {
      expect(Object.keys(fresh).sort()).toEqual([OPERATIONS_PATH, PERSISTED_OPERATIONS_PATH].sort());
      expect(readFileSync(path, 'utf8')).toBe(fresh[path]);
    },
  );

  it('hold a typed document for every published operation, printing byte for byte as published', () => {
    expect(manifest.operations.length).toBeGreaterThanOrEqual(7);
    expect(PERSISTED_OPERATION_IDS.size).toBe(manifest.operations.length);
    for (const published of manifest.operations) {
      const document = generatedDocument(published.name);
      // The gateway trusts a body only byte for byte, and an id only as the SHA-256 of that body.
      expect(print(document)).toBe(published.body);
      expect(PERSISTED_OPERATION_IDS.get(document)).toBe(published.id);
      expect(createHash('sha256').update(print(document)).digest('hex')).toBe(published.id);
    }
  });

  it('are not generated from a manifest that does not publish the saved operations as they are', async () => {
    const [first, ...rest] = manifest.operations;
    const stale: OperationManifest = { ...manifest, operations: [{ ...first!, body: `${first!.body} ` }, ...rest] };
    const failure = generatePersistedOperations(stale, readSavedOperations());
    await expect(failure).rejects.toBeInstanceOf(ClientCodegenError);
    await expect(failure).rejects.toThrow(
      `schema/operations/manifest.json does not publish the saved operations as they are (${first!.name}.graphql): run \`pnpm schema:generate\` first`,
    );
    const unsaved = generatePersistedOperations(manifest, readSavedOperations().slice(1));
    await expect(unsaved).rejects.toThrow(`(${first!.name}): run \`pnpm schema:generate\` first`);
  });
});
