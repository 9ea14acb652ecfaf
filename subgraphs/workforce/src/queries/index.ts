export * from './list-units';
export * from './list-workers';
export * from './workforce-statistics';
export * from './units-named-like';
