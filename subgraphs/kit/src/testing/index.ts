export * from './recording-logger';
export * from './scratch-database';
