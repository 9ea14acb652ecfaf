export * from './http';
export * from './start-subgraph-server';
export * from './subgraph-definition';
export * from './start-agency-service';
export * from './run-subgraph-main';
export * from './subgraph-readiness';
export * from './audit-copy-route';
export * from './internal-listener';
