export * from './subgraph-config';
export * from './shutdown-config';
