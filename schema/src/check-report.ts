import { ACKNOWLEDGEMENTS_FILE, acknowledgementTemplateOf, changeKeyOf } from './check-acknowledgements';
import { CHANGE_LEVELS, type ChangeLevel, type SchemaChange } from './check-changes';
import type { SchemaCheckResult } from './check-run';
import type { FileChanges } from './check-schema-files';

/** The stable codes a failed check prints, one per kind of failure. */
export const FAILURE_CODES = {
  composition: 'COMPOSITION_FAILED',
  stale: 'GENERATED_FILES_STALE',
  operations: 'OPERATIONS_INVALID',
  breaking: 'BREAKING_CHANGES_UNACKNOWLEDGED',
} as const;

const LEVEL_TITLES: Record<ChangeLevel, string> = { breaking: 'Breaking', dangerous: 'Dangerous', safe: 'Safe' };

const indent = (lines: readonly string[], by = '  ') => lines.map((line) => (line ? `${by}${line}` : line));

function changeLine(change: SchemaChange, acknowledged: ReadonlySet<string>): string {
  const note =
    change.level !== 'breaking'
      ? ''
      : acknowledged.has(changeKeyOf(change))
        ? ' (acknowledged)'
        : ' (NOT acknowledged)';
  return `${change.kind} ${change.coordinate}: ${change.message}${note}`;
}

function fileLines(file: FileChanges, folder: string, acknowledged: ReadonlySet<string>): string[] {
  const name = `${folder}${file.file}`;
  if (file.status === 'new') return [`${name}: new, nothing to compare with`];
  if (file.changes.length === 0) return [`${name}: no changes`];
  return [
    `${name}:`,
    ...CHANGE_LEVELS.flatMap((level) => {
      const changes = file.changes.filter((change) => change.level === level);
      if (changes.length === 0) return [];
      return indent([
        `${LEVEL_TITLES[level]} (${changes.length}):`,
        ...indent(changes.map((c) => changeLine(c, acknowledged))),
      ]);
    }),
  ];
}

function failureLines(result: SchemaCheckResult, folder: string): string[] {
  const failures: string[] = [];
  if (result.compositionError) {
    failures.push(
      `[${FAILURE_CODES.composition}] The subgraphs do not compose; fix the errors above in the subgraph code.`,
    );
  }
  if (result.staleFiles.length > 0) {
    failures.push(
      `[${FAILURE_CODES.stale}] ${result.staleFiles.length} generated file(s) do not match the code: ` +
        'run `pnpm schema:generate` and commit the result.',
    );
  }
  if (result.operationErrors.length > 0) {
    failures.push(
      `[${FAILURE_CODES.operations}] ${result.operationErrors.length} problem(s) in the saved operations (listed above).`,
    );
  }
  if (result.unacknowledged.length > 0) {
    const entries = result.unacknowledged.map((change) => JSON.stringify(acknowledgementTemplateOf(change), null, 2));
    failures.push(
      `[${FAILURE_CODES.breaking}] ${result.unacknowledged.length} breaking change(s) are not acknowledged. If they are ` +
        `meant, add these entries to the "acknowledged" array of ${folder}${ACKNOWLEDGEMENTS_FILE} in this same ` +
        'change, with the reason and the migration for frontend teams filled in:',
      ...indent(entries.join(',\n').split('\n')),
    );
  }
  return failures;
}

/** The check's outcome as a person reads it: what was checked, every change grouped by file and level, what to do. */
export function formatCheckResult(result: SchemaCheckResult, folder: string): string {
  const lines: string[] = [];
  if (result.compositionError) {
    lines.push(result.compositionError);
  } else {
    lines.push(`Composition: ok (${result.subgraphs.join(', ')}).`);
    lines.push(
      result.staleFiles.length === 0
        ? 'Generated files: current.'
        : `Generated files: stale:\n${indent(result.staleFiles.map((stale) => `${folder}${stale.file} (${stale.problem})`)).join('\n')}`,
    );
    lines.push(
      result.operationErrors.length === 0
        ? `Saved operations: ${result.operationCount} valid against the supergraph.`
        : `Saved operations: invalid:\n${indent(result.operationErrors.map((error) => `${folder}${error}`)).join('\n')}`,
    );
  }
  if (result.baseline) {
    lines.push(`Baseline: ${result.baseline.label}, ${result.baseline.description}.`);
    lines.push(...result.baseline.warnings.map((warning) => `Warning: ${warning}`));
    const acknowledged = new Set(result.acknowledged.map(changeKeyOf));
    lines.push('', `Changes from ${result.baseline.label} to the code:`);
    lines.push(...indent(result.files.flatMap((file) => fileLines(file, folder, acknowledged))));
  }
  if (result.unmatchedAcknowledgements.length > 0) {
    lines.push(
      '',
      `Note: entries added to ${folder}${ACKNOWLEDGEMENTS_FILE} that match no breaking change (check the coordinate and change):`,
      ...indent(result.unmatchedAcknowledgements.map((entry) => `${entry.change} ${entry.coordinate}`)),
    );
  }
  const failures = failureLines(result, folder);
  lines.push('', failures.length === 0 ? 'Schema check passed.' : 'Schema check FAILED:', ...indent(failures));
  return `${lines.join('\n')}\n`;
}
