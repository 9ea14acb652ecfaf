import { createHash } from 'node:crypto';

/** What one subgraph fetch sends: the token signed for it must fit all three. */
export interface SignedOperation {
  query: string;
  variables?: Readonly<Record<string, unknown>> | null;
  operationName?: string | null;
}

/**
 * JSON with object keys sorted at every depth, so both sides digest the same value alike. Written
 * in one pass without intermediate arrays: it digests every subgraph fetch's variables (a hundred
 * entity representations on a page) at the gateway and again at the subgraph.
 */
function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) {
    let text = '[';
    for (let index = 0; index < value.length; index += 1) {
      if (index > 0) text += ',';
      text += canonicalJson(value[index]);
    }
    return `${text}]`;
  }
  const record = value as Record<string, unknown>;
  let text = '{';
  for (const key of Object.keys(record).sort()) {
    const item = record[key];
    if (item === undefined) continue;
    if (text.length > 1) text += ',';
    text += `${JSON.stringify(key)}:${canonicalJson(item)}`;
  }
  return `${text}}`;
}

interface KnownDigest {
  query: string;
  operationName: string | null;
  digest: string;
}

/**
 * Digests already taken, by the variables object they covered: the gateway digests a fetch's
 * operation to key its deduplication and again to sign its token (and once more per audit copy),
 * all with the very variables object the planner made for that fetch, never changed after.
 */
const knownDigests = new WeakMap<object, KnownDigest>();

/**
 * Binds a gateway token to one operation as sent: its text, its variables and its operation
 * name. A token captured on the internal network cannot carry another query, nor the same
 * query for another unit or a larger page.
 */
export function operationDigestOf(operation: SignedOperation): string {
  const { query, variables } = operation;
  const operationName = operation.operationName ?? null;
  const known = variables ? knownDigests.get(variables) : undefined;
  if (known && known.query === query && known.operationName === operationName) return known.digest;
  const digest = createHash('sha256')
    .update(canonicalJson([query, variables ?? {}, operationName]))
    .digest('base64url');
  if (variables) knownDigests.set(variables, { query, operationName, digest });
  return digest;
}
