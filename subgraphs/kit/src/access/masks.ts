/** True for an identifier that reached us masked: it names nobody, so nothing may be joined on it. */
export const isMasked = (value: string): boolean => value.includes('*');
