export * from './append-to-outbox';
export * from './outbox-event';
export * from './outbox.migration';
