export * from './table-rows';
export * from './to-csv';
export * from './seed-plan';
export * from './seed-ledger';
export * from './seed-ledger.migration';
export * from './seed-database';
export * from './seed-if-empty';
export * from './seed-transaction';
