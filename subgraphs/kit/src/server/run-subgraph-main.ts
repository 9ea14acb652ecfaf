import { readSubgraphConfig } from '../config';
import { createLogger, describeError } from '../log';
import { onShutdown } from './on-shutdown';
import { startAgencyService } from './start-agency-service';
import type { SubgraphDefinition } from './subgraph-definition';

/**
 * The whole of a subgraph's `main`: read config from the environment, start, and stop cleanly
 * on SIGINT/SIGTERM (draining the HTTP server within SHUTDOWN_GRACE_MS, then closing the
 * database; see onShutdown for the exit code).
 */
export function runSubgraphMain<T>(
  definition: SubgraphDefinition<T>,
  defaultDataDir: string,
  /** Started first thing by the subgraph's main (see its tracing.ts); flushed after the database closes. */
  tracing?: { shutdown(): Promise<void> },
): void {
  const logger = createLogger(definition.name);
  const start = async () => {
    const config = readSubgraphConfig(process.env, { ...definition, defaultDataDir });
    const service = await startAgencyService(definition, { config, logger });
    onShutdown(logger, {
      ...service,
      async close() {
        await service.close();
        await tracing?.shutdown();
      },
    });
  };
  start().catch((error: unknown) => {
    logger.error(`${definition.name} failed to start`, describeError(error));
    process.exit(1);
  });
}
