export * from './error-codes';
export * from './jembatan-error';
export * from './format-error';
