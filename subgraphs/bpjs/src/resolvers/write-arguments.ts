import { validateKpj } from '@jembatan/kit/identifiers';

/** How every BPJS mutation documents its idempotency key. */
export const IDEMPOTENCY_KEY = {
  description: 'A fresh unique key (e.g. a UUID) per intended change; the same key when retrying it.',
};

/** The participant a write names, for the record of a refused attempt: only a well-formed KPJ. */
export const kpjSubjects = (kpj: string): string[] => (validateKpj(kpj).ok ? [`kpj:${kpj}`] : []);
