export * from './coverage-gaps';
export * from './list-units';
export * from './list-workers';
export * from './units-named-like';
export * from './workforce-statistics';
