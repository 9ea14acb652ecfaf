export * from './require-identifier';
