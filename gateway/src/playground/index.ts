export * from './content-security-policy';
export * from './development-token-minter';
export * from './development-token-route';
export * from './playground-bundle';
export * from './playground-config';
export * from './playground-paths';
export * from './playground-routes';
