export * from './rule-refusal';
export * from './programme-calendar';
export * from './cover-rules';
export * from './claim-rules';
export * from './claim-transitions';
