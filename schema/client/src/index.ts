export * from './create-jembatan-client';
export * from './jembatan-request-error';
export * from './purposes';
export * from './generated/operations';
export { PERSISTED_OPERATION_IDS } from './generated/persisted-operations';
