import type { FormattedExecutionResult } from 'graphql';
import { stringifyCompactly } from '@jembatan/kit/http';

interface Written {
  errors: FormattedExecutionResult['errors'];
  extensions: FormattedExecutionResult['extensions'];
  text: string;
}

/** By the answer's data object: Apollo hands each request a fresh wrapper around the same parts. */
const written = new WeakMap<object, Written>();

/**
 * Compact JSON of an answer, written once however many merged requests send it: they share the
 * leader's answer (mergedRequestsPlugin), so its text is kept beside its data while that lives.
 */
export function stringifyOnce(result: FormattedExecutionResult): string {
  const { data, errors, extensions } = result;
  if (data == null) return stringifyCompactly(result);
  const kept = written.get(data);
  if (kept && kept.errors === errors && kept.extensions === extensions) return kept.text;
  const text = stringifyCompactly(result);
  written.set(data, { errors, extensions, text });
  return text;
}
