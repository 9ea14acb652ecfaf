import type { Database } from '@jembatan/kit';
import { createCoverageLoader } from './coverage-loader';
import { createEmployerLoaders } from './employer-loaders';
import { createParticipantLoaders } from './participant-loaders';

export * from './coverage-loader';
export * from './employer-loaders';
export * from './participant-loaders';

/** All BPJS loaders for one request. */
export function createBpjsLoaders(database: Database) {
  return {
    ...createParticipantLoaders(database),
    ...createEmployerLoaders(database),
    coverageOf: createCoverageLoader(database),
  };
}

export type BpjsLoaders = ReturnType<typeof createBpjsLoaders>;
