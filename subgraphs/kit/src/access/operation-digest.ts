import { createHash } from 'node:crypto';

/** What one subgraph fetch sends: the token signed for it must fit all three. */
export interface SignedOperation {
  query: string;
  variables?: Readonly<Record<string, unknown>> | null;
  operationName?: string | null;
}

/** JSON with object keys sorted at every depth, so both sides digest the same value alike. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * Binds a gateway token to one operation as sent: its text, its variables and its operation
 * name. A token captured on the internal network cannot carry another query, nor the same
 * query for another unit or a larger page.
 */
export function operationDigestOf(operation: SignedOperation): string {
  const signed = [operation.query, operation.variables ?? {}, operation.operationName ?? null];
  return createHash('sha256').update(canonicalJson(signed)).digest('base64url');
}
