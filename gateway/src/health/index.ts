export * from './gateway-readiness';
export * from './subgraph-probe';
