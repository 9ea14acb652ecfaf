export * from './entities';
export * from './loaders';
export * from './migrations';
export * from './schema';
export * from './server';
export * from './types';
export type { WorkforceContext } from './context';
export { workforceTables } from './seed/workforce-tables';
