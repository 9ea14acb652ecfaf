import 'reflect-metadata';

export * from './access';
export * from './audit';
export * from './config';
export * from './context';
export * from './db';
export * from './errors';
export * from './events';
export * from './federation';
export * from './identifiers';
export * from './loaders';
export * from './log';
export * from './observability';
export * from './pagination';
export * from './scalars';
export * from './seed';
export * from './server';
export * from './validation';
