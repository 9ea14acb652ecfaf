import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ACKNOWLEDGEMENTS_FILE,
  acknowledgedChangesIn,
  changeKeyOf,
  entryKeyOf,
  acknowledgementsAdded,
  parseAcknowledgements,
  type Acknowledgement,
} from './check-acknowledgements';
import { resolveBaseline } from './check-baseline';
import type { SchemaChange } from './check-changes';
import { staleFilesIn, type StaleFile } from './check-generated';
import { loadSavedOperations, operationErrorsAgainst } from './check-operations';
import { compareSchemaSdl, type FileChanges } from './check-schema-files';
import { CompositionError, type Composition } from './compose';
import { generatedFilesOf, OPERATION_MANIFEST_FILE } from './generated-files';
import { apiSchemaOf } from './operations';

export interface SchemaCheckInput {
  /** The folder of the committed schema files (`schema/`). */
  schemaDir: string;
  /** The revision to compare with; undefined for the default (see resolveBaseline). */
  base: string | undefined;
  /** Composes the subgraphs of the code; throws CompositionError when they do not compose. */
  compose: () => Composition;
}

export interface SchemaCheckResult {
  /** The readable composition errors; when set, nothing else was checked. */
  compositionError?: string;
  subgraphs: string[];
  staleFiles: StaleFile[];
  operationCount: number;
  operationErrors: string[];
  baseline?: { description: string; label: string; warnings: string[] };
  files: FileChanges[];
  /** Breaking changes acknowledged by an entry added since the base, one per kind and coordinate. */
  acknowledged: SchemaChange[];
  /** Breaking changes nobody acknowledged, one per kind and coordinate: each fails the check. */
  unacknowledged: SchemaChange[];
  /** Entries added since the base that match no breaking change: a typo, or a change undone. */
  unmatchedAcknowledgements: Acknowledgement[];
  passed: boolean;
}

function uniqueBreaking(files: readonly FileChanges[]): SchemaChange[] {
  const byKey = new Map<string, SchemaChange>();
  for (const change of files.flatMap((file) => file.changes)) {
    if (change.level === 'breaking' && !byKey.has(changeKeyOf(change))) {
      byKey.set(changeKeyOf(change), change);
    }
  }
  return [...byKey.values()];
}

function matchAcknowledgements(breaking: readonly SchemaChange[], added: readonly Acknowledgement[]) {
  const addedKeys = new Set(added.map(entryKeyOf));
  const breakingKeys = new Set(breaking.map(changeKeyOf));
  return {
    acknowledged: breaking.filter((change) => addedKeys.has(changeKeyOf(change))),
    unacknowledged: breaking.filter((change) => !addedKeys.has(changeKeyOf(change))),
    unmatchedAcknowledgements: added.filter((entry) => !breakingKeys.has(entryKeyOf(entry))),
  };
}

function currentAcknowledgements(schemaDir: string): Acknowledgement[] {
  const path = join(schemaDir, ACKNOWLEDGEMENTS_FILE);
  return existsSync(path) ? parseAcknowledgements(readFileSync(path, 'utf8'), ACKNOWLEDGEMENTS_FILE) : [];
}

/**
 * The whole schema check: the code composes; the committed files are what it generates; every saved
 * operation validates against the supergraph; and every breaking change since the baseline is
 * acknowledged by an entry that this range of changes added to the acknowledgement file.
 */
export async function runSchemaCheck({ schemaDir, base, compose }: SchemaCheckInput): Promise<SchemaCheckResult> {
  // First, as it is cheap and may refuse the request (a base this clone lacks).
  const baseline = resolveBaseline(schemaDir, base);
  let composition: Composition;
  try {
    composition = compose();
  } catch (error) {
    if (!(error instanceof CompositionError)) throw error;
    return {
      compositionError: error.message,
      subgraphs: [],
      staleFiles: [],
      operationCount: 0,
      operationErrors: [],
      files: [],
      acknowledged: [],
      unacknowledged: [],
      unmatchedAcknowledgements: [],
      passed: false,
    };
  }
  const loaded = loadSavedOperations(join(schemaDir, 'operations'));
  const operationErrors = [
    ...loaded.errors,
    ...operationErrorsAgainst(apiSchemaOf(composition.supergraphSdl), loaded.operations),
  ];
  const generated = await generatedFilesOf(composition, loaded.operations);
  // A manifest built without the operations that failed to load would be reported stale for the wrong reason.
  if (loaded.errors.length > 0) delete generated[OPERATION_MANIFEST_FILE];
  const staleFiles = staleFilesIn(schemaDir, generated);

  const files = await compareSchemaSdl(
    baseline.sdl,
    { supergraph: composition.supergraphSdl, subgraphs: composition.subgraphSdl },
    { before: baseline.label, after: 'the code' },
  );
  const atBase =
    baseline.acknowledgementsAtBase === undefined
      ? []
      : acknowledgedChangesIn(baseline.acknowledgementsAtBase, `${ACKNOWLEDGEMENTS_FILE} at ${baseline.label}`);
  const matched = matchAcknowledgements(
    uniqueBreaking(files),
    acknowledgementsAdded(currentAcknowledgements(schemaDir), atBase),
  );

  return {
    subgraphs: Object.keys(composition.subgraphSdl),
    staleFiles,
    operationCount: loaded.operations.length + loaded.errors.length,
    operationErrors,
    baseline: { description: baseline.description, label: baseline.label, warnings: baseline.warnings },
    files,
    ...matched,
    passed: staleFiles.length === 0 && operationErrors.length === 0 && matched.unacknowledged.length === 0,
  };
}
