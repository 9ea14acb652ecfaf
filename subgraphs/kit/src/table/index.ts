export * from './result-table';
