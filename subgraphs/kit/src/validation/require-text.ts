import { badInput, echoed } from '../errors';

/** Control characters (NUL above all) are never part of an id; PostgreSQL refuses NUL outright. */
const CONTROL_CHARACTER = /\p{Cc}/u;

export interface TextRule {
  /** What the value is, for the message: "a claim id", "a caller subject". */
  what: string;
  maxLength: number;
  /** The shape a value must have, when it has one. */
  pattern?: RegExp;
  /** How the pattern reads to a person, e.g. `like "KLM-2016-0000022"`. */
  shape?: string;
}

/**
 * Guards a free-text argument (an id, a subject) at the subgraph's edge: 1 to maxLength
 * characters, no control characters, and the pattern if given. Refusals echo only the start of
 * the input, so a 50 KB argument is never sent back.
 */
export function requireText(value: string, argument: string, rule: TextRule): string {
  const refuse = (problem: string) =>
    badInput('INVALID_ID', `${argument} "${echoed(value)}" is not ${rule.what}: ${problem}`, argument);
  if (value.length === 0 || value.length > rule.maxLength) throw refuse(`use 1 to ${rule.maxLength} characters`);
  if (CONTROL_CHARACTER.test(value)) throw refuse('it holds control characters');
  if (rule.pattern && !rule.pattern.test(value)) throw refuse(rule.shape ?? 'it is malformed');
  return value;
}
