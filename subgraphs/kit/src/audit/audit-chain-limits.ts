/** The most chains a trail may have (the chain column's CHECK and the trigger's argument). */
export const MAX_AUDIT_CHAINS = 1024;
