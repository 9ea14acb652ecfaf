import '@jembatan/kit/refuse-stale-build';
import { tracing } from './tracing';
import { onShutdown } from '@jembatan/kit/http';
import { createLogger, describeError } from '@jembatan/kit/log';
import { loadAuthKeys } from './auth';
import { readGatewayConfig } from './config';
import { developmentTokenMinter } from './playground';
import { startGateway } from './start-gateway';
import { fileSupergraph } from './supergraph';

const logger = createLogger('gateway');

async function main() {
  const config = readGatewayConfig(process.env);
  const { auth, signingKey, described } = await loadAuthKeys(config);
  logger.info('authentication', { issuer: auth.issuer, audience: auth.audience, ...described });
  const gateway = await startGateway({
    ...config,
    auth,
    signingKey,
    // Reloaded when the file changes: a new composition is deployed by replacing the file.
    supergraphSdl: fileSupergraph(config.supergraphPath, { logger }),
    logger,
    // Development tokens only where this gateway trusts the development identity provider.
    playground: { ...config.playground, mintDevelopmentToken: await developmentTokenMinter(config) },
  });
  onShutdown(logger, {
    ...gateway,
    async close() {
      await gateway.close();
      await tracing.shutdown();
    },
  });
}

main().catch((error: unknown) => {
  logger.error('gateway failed to start', describeError(error));
  process.exit(1);
});
