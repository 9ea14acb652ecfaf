export * from './claim-statistics';
