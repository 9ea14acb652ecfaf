export * from './csv-export';
export * from './csv-route';
export * from './spreadsheet-csv';
