/**
 * The failure half of every identifier check. Reasons are written for people (API error messages,
 * seed-script output), so they name the rule that was broken rather than echoing the whole input,
 * which may be personal data.
 */
export interface IdentifierProblem {
  ok: false;
  reason: string;
}

export function identifierProblem(reason: string): IdentifierProblem {
  return { ok: false, reason };
}
