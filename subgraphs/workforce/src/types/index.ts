export * from './enums';
export * from './unit.type';
export * from './worker.type';
export * from './connections';
export * from './workforce-statistics.type';
export * from './worker-write-inputs';
export * from './worker-write-results';
