import type { SchemaChange } from './check-changes';
import { SchemaCheckError } from './check-errors';

/** Relative to the schema folder. */
export const ACKNOWLEDGEMENTS_FILE = 'breaking-changes.json';

/** A breaking change made on purpose, with what frontend teams need to know about it. */
export interface Acknowledgement {
  /** The schema coordinate, exactly as the check prints it. */
  coordinate: string;
  /** The change type, exactly as the check prints it (`FIELD_REMOVED`, `ENUM_VALUE_REMOVED`...). */
  change: string;
  /** Why the change had to break clients. */
  reason: string;
  /** What a client must do: the replacement field, the query to change. */
  migration: string;
}

/** What identifies the change an entry acknowledges. */
export type AcknowledgedChange = Pick<Acknowledgement, 'coordinate' | 'change'>;

const FIELDS = ['coordinate', 'change', 'reason', 'migration'] as const;
const PLACEHOLDER = /^<.*>$/s;

/** One key per change that an acknowledgement can name: kind and coordinate, as the check prints them. */
export const changeKeyOf = (change: Pick<SchemaChange, 'kind' | 'coordinate'>) => `${change.kind} ${change.coordinate}`;
export const entryKeyOf = (entry: AcknowledgedChange) =>
  changeKeyOf({ kind: entry.change, coordinate: entry.coordinate });

function entryOf(entry: unknown, where: string): Acknowledgement {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    throw new SchemaCheckError('ACKNOWLEDGEMENTS_INVALID', `${where} must be an object`);
  }
  const unknown = Object.keys(entry).filter((key) => !(FIELDS as readonly string[]).includes(key));
  if (unknown.length > 0) {
    throw new SchemaCheckError(
      'ACKNOWLEDGEMENTS_INVALID',
      `${where} has unknown key(s) ${unknown.join(', ')}; an entry has exactly ${FIELDS.join(', ')}`,
    );
  }
  const record = entry as Record<string, unknown>;
  for (const field of FIELDS) {
    const value = record[field];
    if (typeof value !== 'string' || value.trim() === '' || PLACEHOLDER.test(value.trim())) {
      throw new SchemaCheckError(
        'ACKNOWLEDGEMENTS_INVALID',
        `${where}.${field} must be filled in (a non-empty string, not a <placeholder>)`,
      );
    }
  }
  return record as unknown as Acknowledgement;
}

/**
 * The entries of an acknowledgement file: `{ "acknowledged": [ { coordinate, change, reason,
 * migration } ] }`, plus an optional `description` for people reading the file.
 */
export function parseAcknowledgements(text: string, file: string): Acknowledgement[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SchemaCheckError('ACKNOWLEDGEMENTS_INVALID', `${file} is not valid JSON: ${(error as Error).message}`);
  }
  const acknowledged = (json as { acknowledged?: unknown } | null)?.acknowledged;
  if (typeof json !== 'object' || json === null || !Array.isArray(acknowledged)) {
    throw new SchemaCheckError('ACKNOWLEDGEMENTS_INVALID', `${file} must be an object with an "acknowledged" array`);
  }
  const unknown = Object.keys(json).filter((key) => key !== 'acknowledged' && key !== 'description');
  if (unknown.length > 0) {
    throw new SchemaCheckError(
      'ACKNOWLEDGEMENTS_INVALID',
      `${file} has unknown key(s) ${unknown.join(', ')}; it holds "description" and "acknowledged"`,
    );
  }
  return acknowledged.map((entry, index) => entryOf(entry, `${file}: acknowledged[${index}]`));
}

/**
 * The entries added since the base: one entry that was already there acknowledged an older change,
 * and says nothing about a new change that happens to have the same coordinate and kind.
 */
export function acknowledgementsAdded(
  current: readonly Acknowledgement[],
  atBase: readonly AcknowledgedChange[],
): Acknowledgement[] {
  const remainingAtBase = new Map<string, number>();
  for (const entry of atBase) {
    const key = entryKeyOf(entry);
    remainingAtBase.set(key, (remainingAtBase.get(key) ?? 0) + 1);
  }
  return current.filter((entry) => {
    const key = entryKeyOf(entry);
    const left = remainingAtBase.get(key) ?? 0;
    remainingAtBase.set(key, left - 1);
    return left <= 0;
  });
}

/**
 * The changes a file acknowledged at the base, read leniently: the rules for the other fields may
 * have grown since, and only coordinate and change matter for telling old entries from new ones.
 */
export function acknowledgedChangesIn(text: string, where: string): AcknowledgedChange[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SchemaCheckError('BASELINE_INVALID', `${where} is not valid JSON: ${(error as Error).message}`);
  }
  const acknowledged = (json as { acknowledged?: unknown } | null)?.acknowledged;
  return (Array.isArray(acknowledged) ? acknowledged : []).flatMap((entry: unknown) => {
    const { coordinate, change } = (entry ?? {}) as Record<string, unknown>;
    return typeof coordinate === 'string' && typeof change === 'string' ? [{ coordinate, change }] : [];
  });
}

/** The entry a person adds to acknowledge a change, with placeholders the check refuses until filled in. */
export const acknowledgementTemplateOf = (change: SchemaChange): Acknowledgement => ({
  coordinate: change.coordinate,
  change: change.kind,
  reason: '<why this change had to break clients>',
  migration: '<what a client must change, and to what>',
});
