export * from './subgraph-config';
export * from './shutdown-config';
export * from './http-server-config';
export * from './metrics-listener-config';
