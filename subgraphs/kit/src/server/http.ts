/**
 * The HTTP side every service shares, and nothing that opens a database: the gateway imports
 * this (`@jembatan/kit/http`) so its process never loads TypeORM, PGlite or type-graphql.
 */
export * from '../config/error-detail-config';
export * from '../config/http-server-config';
export * from '../config/metrics-listener-config';
export * from '../config/read-environment';
export * from '../config/shutdown-config';
export * from '../context/request-id';
export * from './graphql-http-handler';
export * from './http-service';
export * from './internal-listener';
export * from '../redis';
export * from './read-body';
export * from './on-shutdown';
export * from './health-route';
export * from './readiness-check';
export * from './readiness-route';
export * from './request-rejected';
export * from './send-json-error';
export * from './compact-result';
