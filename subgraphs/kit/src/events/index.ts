export * from './event-handler';
export * from './append-to-outbox';
export * from './outbox-event';
export * from './outbox.migration';
