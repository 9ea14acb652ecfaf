import { readSubgraphConfig } from '../config';
import { createLogger, describeError } from '../log';
import { onShutdown } from './on-shutdown';
import { startAgencyService } from './start-agency-service';
import type { SubgraphDefinition } from './subgraph-definition';

/**
 * The whole of a subgraph's `main`: read config from the environment, start, and stop cleanly
 * on SIGINT/SIGTERM (closing the HTTP server, then the database).
 */
export function runSubgraphMain<T>(definition: SubgraphDefinition<T>, defaultDataDir: string): void {
  const logger = createLogger(definition.name);
  const start = async () => {
    const config = readSubgraphConfig(process.env, { ...definition, defaultDataDir });
    const service = await startAgencyService(definition, { config, logger });
    onShutdown(logger, () => service.close());
  };
  start().catch((error: unknown) => {
    logger.error(`${definition.name} failed to start`, describeError(error));
    process.exit(1);
  });
}
