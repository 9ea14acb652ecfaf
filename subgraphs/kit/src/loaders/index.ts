export * from './batch-by-key';
