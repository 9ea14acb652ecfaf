/**
 * JSON with object keys sorted at every level, so equal inputs give equal text whatever order a
 * client (or GraphQL's argument coercion) put their fields in. `undefined` fields are left out,
 * as JSON.stringify does, so an omitted optional argument and an absent one are the same input.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return item;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(item).sort()) sorted[key] = (item as Record<string, unknown>)[key];
    return sorted;
  });
}
