export * from './engine';
export * from './start-supergraph';
export * from './supergraph';
export * from './operations';
export * from './free-port';
export * from './preset-databases';
export * from './test-identity';
export * from './sealed-cursors';
