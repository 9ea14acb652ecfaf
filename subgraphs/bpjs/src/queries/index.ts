export * from './claim-statistics';
export * from './participation-statistics';
