export * from './graphql-http-handler';
export * from './http-service';
export * from './read-body';
export * from './start-subgraph-server';
export * from './subgraph-definition';
export * from './start-agency-service';
export * from './run-subgraph-main';
export * from './on-shutdown';
