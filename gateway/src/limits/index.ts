export * from './cors';
export * from './limits-config';
export * from './operation-cost';
export * from './operation-manifest';
export * from './query-limit-error';
export * from './query-limits';
export * from './rate-limiter';
export * from './trusted-operations';
