export * from './table-retention';
export * from './scheduled-purges';
export * from './agency-retention';
