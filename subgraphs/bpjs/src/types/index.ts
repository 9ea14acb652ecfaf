export * from './enums';
export * from './claim.type';
export * from './participant.type';
export * from './statistics.type';
export * from './employer.type';
export * from './participation.type';
export * from './extensions.type';
