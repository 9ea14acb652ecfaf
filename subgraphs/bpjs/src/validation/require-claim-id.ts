import { requireText } from '@jembatan/kit';

/** A claim reference is `KLM-<filing year>-<7 digits>`, as BPJS issues them. */
const CLAIM_ID_PATTERN = /^KLM-\d{4}-\d{7}$/;

export function requireClaimId(value: string, argument: string): string {
  return requireText(value, argument, {
    what: 'a claim id',
    maxLength: 16,
    pattern: CLAIM_ID_PATTERN,
    shape: 'use the form "KLM-2016-0000022"',
  });
}
