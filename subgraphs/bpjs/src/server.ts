import { bpjsAccessPolicy } from './access-policy';
import { startAgencyService, type AgencyServiceOptions, type SubgraphDefinition } from '@jembatan/kit';
import { bpjsEntities } from './entities';
import { bpjsEventHandlers } from './events';
import { createBpjsLoaders, type BpjsLoaders } from './loaders';
import { bpjsMigrations } from './migrations';
import { buildBpjsSchema } from './schema';
import { bpjsSeeds } from './seed/bpjs-tables';

export const bpjsSubgraph: SubgraphDefinition<BpjsLoaders> = {
  name: 'bpjs',
  envPrefix: 'BPJS',
  defaultPort: 4002,
  entities: bpjsEntities,
  migrations: bpjsMigrations,
  buildSchema: buildBpjsSchema,
  createLoaders: createBpjsLoaders,
  seeds: bpjsSeeds,
  accessPolicy: bpjsAccessPolicy,
  eventHandlers: bpjsEventHandlers,
};

export function startBpjsService(options: AgencyServiceOptions) {
  return startAgencyService(bpjsSubgraph, options);
}
