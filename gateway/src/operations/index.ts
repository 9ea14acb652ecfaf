export * from './published-operation';
