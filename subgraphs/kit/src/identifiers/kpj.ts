import { identifierProblem, type IdentifierProblem } from './identifier-problem';

/**
 * A KPJ is the BPJS Ketenagakerjaan membership number. Its internal structure is not published,
 * so only the length is checked; a 13-digit number is most likely a BPJS Kesehatan (JKN) card
 * number, a different agency's identifier, and the reason says so.
 */
export interface ValidKpj {
  ok: true;
  kpj: string;
}

export type KpjValidation = ValidKpj | IdentifierProblem;

const KPJ_PATTERN = /^\d{11}$/;

export function validateKpj(input: string): KpjValidation {
  if (KPJ_PATTERN.test(input)) return { ok: true, kpj: input };
  if (/^\d{13}$/.test(input)) {
    return identifierProblem('KPJ must be exactly 11 digits (13 digits looks like a BPJS Kesehatan card number)');
  }
  return identifierProblem('KPJ must be exactly 11 digits');
}
