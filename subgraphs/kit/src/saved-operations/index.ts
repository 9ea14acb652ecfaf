export * from './operation-caller';
