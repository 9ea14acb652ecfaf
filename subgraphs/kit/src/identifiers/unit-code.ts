import { identifierProblem, type IdentifierProblem } from './identifier-problem';

/**
 * Our own code for a Pemprov DKI work unit (there is no official one): an upper-case head such as
 * `DINKES`, then up to four hyphen-separated parts (`SUDIN-KES-JS`, `KEL-3174011001`).
 */
export const UNIT_CODE_PATTERN = /^[A-Z][A-Z0-9]{1,15}(-[A-Z0-9]{1,15}){0,4}$/;

export interface ValidUnitCode {
  ok: true;
  code: string;
}

export type UnitCodeValidation = ValidUnitCode | IdentifierProblem;

const RULE =
  'Unit code must be 2–16 upper-case letters or digits starting with a letter, optionally ' +
  'followed by up to 4 hyphen-separated parts of 1–15 upper-case letters or digits ' +
  '(e.g. SUDIN-KES-JS)';

export function validateUnitCode(input: string): UnitCodeValidation {
  if (UNIT_CODE_PATTERN.test(input)) return { ok: true, code: input };
  if (input.length === 0) return identifierProblem('Unit code must not be empty');
  // No "did you mean" here: whether the upper-case spelling names a unit is the registry's to
  // say (a name such as "Tebet" is no code at all), and it suggests only units that exist.
  if (input !== input.toUpperCase() && UNIT_CODE_PATTERN.test(input.toUpperCase())) {
    return identifierProblem('Unit code must be upper case, e.g. SUDIN-KES-JS or KEC-317401');
  }
  if (input.split('-').length > 5) {
    return identifierProblem('Unit code must have at most 5 hyphen-separated parts');
  }
  return identifierProblem(RULE);
}
