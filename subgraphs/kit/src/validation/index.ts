export * from './require-identifier';
export * from './require-text';
