export * from './access-log';
export * from './access-record.type';
export * from './audit-trail-policy';
