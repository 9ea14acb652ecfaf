export * from './entities';
export { bpjsEventHandlers } from './events';
export * from './loaders';
export * from './migrations';
export * from './schema';
export * from './server';
export * from './types';
export type { BpjsContext } from './context';
export { bpjsTables } from './seed/bpjs-tables';
