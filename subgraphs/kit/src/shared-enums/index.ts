export * from './program';
export * from './worker-category';
