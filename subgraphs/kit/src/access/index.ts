export * from './caller';
export * from './internal-token';
export * from './key-files';
export * from './roles';
export * from './key-source';
export * from './gateway-stand-in';
export type { JWK } from 'jose';
