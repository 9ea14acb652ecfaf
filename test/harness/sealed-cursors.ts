/** Where a connection answer carries cursors. */
const CURSOR_FIELDS = new Set(['cursor', 'startCursor', 'endCursor']);

/**
 * An answer with each cursor replaced by a placeholder. Cursors are sealed afresh for every
 * answer (a random nonce each time), so two answers with the same rows differ only there; a
 * cursor that is present stays distinguishable from one that is null.
 */
export function withoutCursorValues<T>(answer: T): T {
  return JSON.parse(
    JSON.stringify(answer, (key, value: unknown) =>
      CURSOR_FIELDS.has(key) && typeof value === 'string' ? '(sealed cursor)' : value,
    ),
  ) as T;
}
