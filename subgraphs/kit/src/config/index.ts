export * from './subgraph-config';
export * from './shutdown-config';
export * from './http-server-config';
export * from './read-environment';
export * from './error-detail-config';
export * from './events-config';
export * from './metrics-listener-config';
