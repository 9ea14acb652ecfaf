export * from './in-flight-requests';
export * from './merged-requests-plugin';
export * from './request-fetches';
export * from './stringify-once';
