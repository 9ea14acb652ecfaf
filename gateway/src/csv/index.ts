export * from './csv-export';
export * from './csv-route';
export * from './result-table';
export * from './spreadsheet-csv';
