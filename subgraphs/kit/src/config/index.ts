export * from './subgraph-config';
