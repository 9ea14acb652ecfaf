export * from './cursor';
export * from './page-request';
export * from './page-info';
export * from './page-args';
export * from './connection';
export * from './connection-type';
export * from './keyset-page';
