export * from './auth';
export * from './config';
export * from './context';
export * from './start-gateway';
export * from './limits';
export * from './subgraph-fetch';
export * from './response-cache';
export * from './supergraph';
