export * from './artifacts';
export * from './compose';
export * from './subgraphs';
export * from './operations';
export * from './manifest';
