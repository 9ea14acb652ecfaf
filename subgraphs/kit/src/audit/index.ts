export * from './audit-entry';
export * from './access-log';
export * from './audit-trail.migration';
export * from './audit-chain-count';
export { DEFAULT_AUDIT_CHAINS } from './audit-chains.migration';
export * from './verify-audit-chain';
export * from './graphql';
export { auditRecordHash, canonicalRecordText, GENESIS_HASH, type CanonicalRecord } from './canonical-record';
export * from './recent-reads';
