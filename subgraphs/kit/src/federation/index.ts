export * from './build-federated-schema';
export * from './cache-control';
