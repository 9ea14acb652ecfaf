export * from './database';
export * from './open-database';
export * from './pglite-server';
export * from './postgres-admin';
export * from './statement-counter';
export * from './data-dir-lock';
export * from './summary-triggers';
