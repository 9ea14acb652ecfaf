import { startAgencyService, type AgencyServiceOptions, type SubgraphDefinition } from '@jembatan/kit';
import { workforceAccessPolicy } from './access-policy';
import { workforceEntities } from './entities';
import { workforceEventHandlers } from './events/bpjs-event-handlers';
import { createWorkforceLoaders, type WorkforceLoaders } from './loaders';
import { workforceMigrations } from './migrations';
import { buildWorkforceSchema } from './schema';
import { workforceSeeds } from './seed/workforce-tables';

export const workforceSubgraph: SubgraphDefinition<WorkforceLoaders> = {
  name: 'workforce',
  envPrefix: 'WORKFORCE',
  defaultPort: 4001,
  entities: workforceEntities,
  migrations: workforceMigrations,
  buildSchema: buildWorkforceSchema,
  createLoaders: createWorkforceLoaders,
  seeds: workforceSeeds,
  accessPolicy: workforceAccessPolicy,
  eventHandlers: workforceEventHandlers,
};

export function startWorkforceService(options: AgencyServiceOptions) {
  return startAgencyService(workforceSubgraph, options);
}
