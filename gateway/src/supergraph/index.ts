export * from './file-supergraph';
