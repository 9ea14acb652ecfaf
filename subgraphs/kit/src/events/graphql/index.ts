export * from './event-inbox-policy';
export * from './event-inbox-schema';
export * from './parked-event.type';
export * from './read-parked-events';
