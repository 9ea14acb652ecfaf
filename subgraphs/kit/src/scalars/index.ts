export * from './rupiah';
export * from './date';
