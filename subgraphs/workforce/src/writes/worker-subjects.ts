import { validateNik } from '@jembatan/kit';

/** Whom a request is about, for the record of a refused attempt: a well-formed NIK, or nobody. */
export const subjectsOfNik = (nik: string): string[] => (validateNik(nik).ok ? [`nik:${nik}`] : []);
