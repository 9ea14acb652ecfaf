export * from './build-freshness';
export * from './build-info';
export * from './compile-options';
export * from './compiled-sources';
export * from './run-from-source';
