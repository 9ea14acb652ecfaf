export * from './build-federated-schema';
