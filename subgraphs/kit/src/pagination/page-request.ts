import { badInput } from '../errors';
import { decodeCursor } from './cursor';

export interface PageArgsInput {
  first?: number | null;
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
  const afterKey = args.after == null ? null : decodeCursor(connection, args.after);
  return { connection, limit, afterKey };
}
