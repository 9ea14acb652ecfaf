import { badInput } from '@jembatan/kit';

/** An NPP (employer registration number) is 8 characters; BPJS issues digits (domain.md §3). */
const NPP_PATTERN = /^\d{8}$/;

/** Argument guard for an NPP, like the kit's `requireKpj` (the kit's catalog has no NPP code). */
export function requireNpp(value: string, argument: string): string {
  if (!NPP_PATTERN.test(value)) throw badInput('BAD_USER_INPUT', 'NPP must be exactly 8 digits', argument);
  return value;
}
