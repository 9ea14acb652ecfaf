import { readFileSync } from 'node:fs';
import { createLogger, describeError, onShutdown } from '@jembatan/kit';
import { readGatewayConfig } from './config';
import { startGateway } from './start-gateway';

const logger = createLogger('gateway');

async function main() {
  const config = readGatewayConfig(process.env);
  const gateway = await startGateway({ ...config, supergraphSdl: readFileSync(config.supergraphPath, 'utf8'), logger });
  onShutdown(logger, () => gateway.close());
}

main().catch((error: unknown) => {
  logger.error('gateway failed to start', describeError(error));
  process.exit(1);
});
