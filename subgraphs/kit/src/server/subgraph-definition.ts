import type { GraphQLSchema } from 'graphql';
import type { EntitySchema, MixedList } from 'typeorm';
import type { AccessPolicy } from '../access/access-policy';
import type { Database } from '../db/database';
import type { EventHandlers } from '../events/event-handler';
import type { SeedCatalog } from '../seed/seed-plan';

/**
 * Everything that makes one agency's subgraph: the kit starts, seeds and serves any subgraph
 * from this description, so each agency folder holds only its own domain.
 */
export interface SubgraphDefinition<TLoaders> {
  name: string;
  /** Prefix of the subgraph's own environment variables (WORKFORCE → WORKFORCE_PORT). */
  envPrefix: string;
  defaultPort: number;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function>;
  buildSchema: () => GraphQLSchema;
  createLoaders: (database: Database) => TLoaders;
  /** The seed presets this subgraph can load. */
  seeds: SeedCatalog;
  /** Who may read which of this agency's fields, for which purpose. */
  accessPolicy: AccessPolicy<string>;
  /**
   * The other agencies' events this one acts on, by producer and type: given, the service
   * consumes them (its migrations must include inboxMigrations). Every service relays its own outbox.
   */
  eventHandlers?: EventHandlers;
}
