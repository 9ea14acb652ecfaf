export * from './table-rows';
export * from './to-csv';
export * from './load-tables';
export * from './seed-ledger.migration';
export * from './seed-if-empty';
