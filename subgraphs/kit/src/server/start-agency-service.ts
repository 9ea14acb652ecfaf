import { openDatabase } from '../db/open-database';
import type { Database } from '../db/database';
import type { SubgraphConfig } from '../config';
import type { Logger } from '../log';
import { seedIfEmpty } from '../seed/seed-if-empty';
import type { SubgraphDefinition } from './subgraph-definition';
import { startSubgraphServer, type SubgraphServer } from './start-subgraph-server';
import { ensurePostgresDatabase } from '../db/postgres-admin';
import { loadPublicKeys } from '../access/key-source';
import { createSharedReplayGuard } from '../access/shared-replay-guard';
import { connectRedis } from '../redis/redis-connection';
import { createCursorSeal, UNSEALED_CURSORS_FOR_BENCHMARKS } from '../pagination/cursor';
import { loadCursorKeys } from '../pagination/cursor-keys';
import { sealConnections } from '../pagination/seal-connections';
import { AGENCY_RETENTION, scheduleRetention } from '../retention';
import { createEventFlow, type EventFlow } from '../events/start-event-flow';

export interface AgencyServiceOptions {
  config: SubgraphConfig;
  logger: Logger;
  /** An already opened database (tests share one); otherwise opened from config and closed on stop. */
  database?: Database;
  /** See SubgraphServerOptions.recordAccess: benchmarks only. */
  recordAccess?: boolean;
  /** False only in the benchmark that measures what sealing cursors costs (test/bench/cursor-sealing.bench.ts). */
  sealCursors?: boolean;
}

export interface AgencyService extends SubgraphServer {
  readonly database: Database;
  /** Its relay and consumer, when the configuration names a transport (config.events). */
  readonly events?: EventFlow;
}

export async function openSubgraphDatabase<T>(
  definition: SubgraphDefinition<T>,
  config: Pick<SubgraphConfig, 'database' | 'createDatabase'>,
): Promise<Database> {
  if (config.createDatabase && 'url' in config.database) await ensurePostgresDatabase(config.database.url);
  return openDatabase({ location: config.database, entities: definition.entities, migrations: definition.migrations });
}

/** Opens (and on first start seeds) a subgraph's own database, then serves the subgraph. */
export async function startAgencyService<T>(
  definition: SubgraphDefinition<T>,
  { config, logger, database: given, recordAccess, sealCursors }: AgencyServiceOptions,
): Promise<AgencyService> {
  const database = given ?? (await openSubgraphDatabase(definition, config));
  let events: EventFlow | undefined;
  try {
    if (config.seedPreset) {
      const seeded = await seedIfEmpty(database, definition.seeds, config.seedPreset);
      logger.info(seeded.action === 'kept' ? 'seed already present' : `seed ${seeded.action}`, { ...seeded });
    }
    events = config.events
      ? await createEventFlow({
          service: definition.name,
          config: config.events,
          database,
          logger,
          handlers: definition.eventHandlers,
        })
      : undefined;
    const server = await startSubgraphServer({
      gatewayKeys: await loadPublicKeys(config.gatewayKeys),
      replayGuard: config.redisUrl
        ? createSharedReplayGuard({
            redis: await connectRedis({ url: config.redisUrl, logger }),
            keyPrefix: `jembatan:${definition.name}:gateway-token`,
            logger,
          })
        : undefined,
      recordAccess,
      name: definition.name,
      portVariable: `${definition.envPrefix}_PORT`,
      schema: sealConnections(definition.buildSchema(), {
        seal:
          sealCursors === false ? UNSEALED_CURSORS_FOR_BENCHMARKS : createCursorSeal(loadCursorKeys(config.cursorKeys)),
        policy: definition.accessPolicy,
      }),
      accessPolicy: definition.accessPolicy,
      database,
      createLoaders: definition.createLoaders,
      host: config.host,
      port: config.port,
      production: config.production,
      stackTraces: config.stackTraces ?? false,
      execution: config.execution,
      shutdownGraceMs: config.shutdownGraceMs,
      httpServer: config.httpServer,
      events,
      metricsListener: config.metricsListener,
      logger,
    });
    const retention = scheduleRetention(database, logger, AGENCY_RETENTION);
    await events?.start();
    const flow = events;
    return {
      ...server,
      database,
      events: flow,
      async close() {
        retention.stop();
        await server.close();
        await flow?.close();
        if (!given) await database.close();
      },
    };
  } catch (error) {
    await events?.close();
    if (!given) await database.close();
    throw error;
  }
}
