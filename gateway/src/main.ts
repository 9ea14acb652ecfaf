import { readFileSync } from 'node:fs';
import { createLogger, describeError, onShutdown } from '@jembatan/kit';
import { loadAuthKeys } from './auth';
import { readGatewayConfig } from './config';
import { startGateway } from './start-gateway';

const logger = createLogger('gateway');

async function main() {
  const config = readGatewayConfig(process.env);
  const { auth, signingKey, described } = await loadAuthKeys(config);
  logger.info('authentication', { issuer: auth.issuer, audience: auth.audience, ...described });
  const gateway = await startGateway({
    ...config,
    auth,
    signingKey,
    supergraphSdl: readFileSync(config.supergraphPath, 'utf8'),
    logger,
  });
  onShutdown(logger, () => gateway.close());
}

main().catch((error: unknown) => {
  logger.error('gateway failed to start', describeError(error));
  process.exit(1);
});
