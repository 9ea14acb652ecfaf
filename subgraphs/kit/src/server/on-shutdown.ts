import { describeError, type Logger } from '../log';

/**
 * Stops a service once on the first SIGINT or SIGTERM (a terminal's Ctrl-C reaches every
 * process of the group, and `pnpm start` forwards a SIGTERM as well), then exits 0.
 */
export function onShutdown(logger: Logger, close: () => Promise<void>): void {
  let closing = false;
  const stop = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    logger.info('shutting down', { signal });
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error('shutdown failed', describeError(error));
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
