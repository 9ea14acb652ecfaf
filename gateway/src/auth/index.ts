export * from './agency-data-source';
export * from './declared-purpose';
export * from './mint-user-token';
export * from './user-token-verifier';
export * from './load-auth-keys';
export * from './data-subject';
export * from './token-lifetime';
