export * from './agencies';
export * from './definitions';
export * from './registered-subgraphs';
