export * from './recording-logger';
export * from './scratch-database';
export * from './test-namespace';
export * from './event-loop-delay';
export * from './seeded-subgraph-database';
export * from './sample-audit-entry';
export * from './disposable-redis';
