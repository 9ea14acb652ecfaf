import { badInput } from '../errors';
import { invalidCursor, positionOfOpenedAfter } from './cursor';

export interface PageArgsInput {
  first?: number | null;
  /** Opened from the client's sealed cursor before the resolver runs (see sealConnections). */
  after?: string | null;
}

/** What a resolver asks its database for: rows after `afterKey`, at most `limit` of them. */
export interface PageRequest {
  connection: string;
  limit: number;
  afterKey: string | null;
}

export interface PageSizePolicy {
  defaultSize: number;
  maxSize: number;
}

export const DEFAULT_PAGE_SIZES: PageSizePolicy = { defaultSize: 20, maxSize: 100 };

export function readPageArgs(
  connection: string,
  args: PageArgsInput,
  policy: PageSizePolicy = DEFAULT_PAGE_SIZES,
): PageRequest {
  const limit = args.first ?? policy.defaultSize;
  if (!Number.isInteger(limit) || limit < 0 || limit > policy.maxSize) {
    throw badInput('PAGE_SIZE_OUT_OF_RANGE', `first must be between 0 and ${policy.maxSize}, got ${limit}`, 'first');
  }
  return { connection, limit, afterKey: afterKeyOf(connection, args.after) };
}

/** A sort key is a short printable string: anything else did not come out of one of our cursors. */
const SORT_KEY_PATTERN = /^[\x21-\x7e]{1,128}$/u;

function afterKeyOf(connection: string, after: PageArgsInput['after']): string | null {
  if (after == null) return null;
  const position = positionOfOpenedAfter(after);
  // Never opened: the service runs without sealed connections, so the string is the client's own.
  if (!position) throw invalidCursor(connection, after);
  if (!SORT_KEY_PATTERN.test(position.key)) throw invalidCursor(connection, '');
  return position.key;
}
