import 'reflect-metadata';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'graphql';
import { OPERATION_MANIFEST_PATH } from '../artifacts';
import { buildOperationManifest, operationManifestFileOf, type OperationManifest } from '../manifest';
import { readSavedOperations, type SavedOperation } from '../operations';

const saved = (file: string, source: string): SavedOperation => ({
  name: file.replace(/\.graphql$/, ''),
  file,
  source,
  document: parse(source),
});

describe('the trusted operations manifest', () => {
  it('matches what the saved operations generate (run `pnpm schema:generate` after changing one)', () => {
    const fresh = operationManifestFileOf(buildOperationManifest(readSavedOperations()));
    expect(readFileSync(OPERATION_MANIFEST_PATH, 'utf8')).toBe(fresh);
  });

  it('lists every saved operation once, in Apollo persisted query manifest format', () => {
    const committed = JSON.parse(readFileSync(OPERATION_MANIFEST_PATH, 'utf8')) as OperationManifest;
    const operations = readSavedOperations();
    expect(committed.format).toBe('apollo-persisted-query-manifest');
    expect(committed.version).toBe(1);
    expect(committed.operations.map((operation) => operation.name)).toEqual(operations.map((op) => op.name));
    for (const operation of committed.operations) {
      expect(operation.type).toBe(operation.body.startsWith('mutation') ? 'mutation' : 'query');
      expect(operation.id).toBe(createHash('sha256').update(operation.body).digest('hex'));
      expect(operation.id).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('keeps an id when only comments or formatting of the file change', () => {
    const tidy = saved('Tidy.graphql', 'query Tidy { workforceStatistics { unitCount } }');
    const commented = saved(
      'Tidy.graphql',
      '# The number of units.\nquery Tidy {\n  workforceStatistics {\n    unitCount\n  }\n}\n',
    );
    const [tidyEntry] = buildOperationManifest([tidy]).operations;
    const [commentedEntry] = buildOperationManifest([commented]).operations;
    expect(commentedEntry?.id).toBe(tidyEntry?.id);
    expect(commentedEntry?.body).not.toContain('#');
  });

  it('refuses a file without exactly one named operation', () => {
    expect(() => buildOperationManifest([saved('Anonymous.graphql', '{ workforceStatistics { unitCount } }')])).toThrow(
      'Anonymous.graphql: a saved operation file must hold exactly one named operation',
    );
    expect(() =>
      buildOperationManifest([
        saved('Two.graphql', 'query A { unit(code: "X") { code } } query B { units { totalCount } }'),
      ]),
    ).toThrow('Two.graphql');
  });
});
