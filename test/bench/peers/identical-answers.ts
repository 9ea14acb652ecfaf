import { isDeepStrictEqual } from 'node:util';
import { withoutCursorValues } from '../../harness/sealed-cursors';

interface GraphqlAnswer {
  data?: unknown;
  errors?: { message?: string; path?: readonly (string | number)[]; extensions?: { code?: unknown } }[];
}

/**
 * What must be identical across the systems, and what may legitimately differ:
 * - cursor values: sealed afresh for every answer (a random nonce), so each becomes a placeholder;
 * - errors: compared as the set of (code, path); their messages, order, `locations` and other
 *   extensions (serviceName, stack traces, HTTP details) are each gateway's own wording.
 * The data itself, every field and null, must be equal.
 */
export function comparableAnswer(status: number, answer: GraphqlAnswer) {
  const errors = (answer.errors ?? [])
    .map((error) => `${String(error.extensions?.code)} at ${(error.path ?? []).join('.')}`)
    .sort();
  return { status, data: withoutCursorValues(answer.data ?? null), errors };
}

export type ComparableAnswer = ReturnType<typeof comparableAnswer>;

/** Where two comparable answers first differ, for the report: a JSON path and both values. */
export function firstDifference(expected: unknown, actual: unknown, path = '$'): string | null {
  if (isDeepStrictEqual(expected, actual)) return null;
  if (expected && actual && typeof expected === 'object' && typeof actual === 'object') {
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    for (const key of keys) {
      const found = firstDifference(
        (expected as Record<string, unknown>)[key],
        (actual as Record<string, unknown>)[key],
        `${path}.${key}`,
      );
      if (found) return found;
    }
  }
  const show = (value: unknown) => JSON.stringify(value)?.slice(0, 160);
  return `${path}: ${show(expected)} ≠ ${show(actual)}`;
}
