export * from './ump-dki';
