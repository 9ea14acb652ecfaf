export * from './batch-by-key';
export * from './rows-by-keys';
