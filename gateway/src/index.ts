export * from './config';
export * from './start-gateway';
