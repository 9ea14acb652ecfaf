import { describeError, type Logger } from '../log';
import type { HttpService } from './http-service';

/** What stopping needs of a service: its drain, and whether the drain had to cut requests. */
export type StoppableService = Pick<HttpService, 'close' | 'requestsCut' | 'shutdownGraceMs'>;

/**
 * After the grace period, how long the rest of closing (Apollo, the rate limiter, the
 * database) may take before the process exits anyway: a database pool waits for every query it
 * lent, including those of requests the grace period cut.
 */
export const SHUTDOWN_CLEANUP_ALLOWANCE_MS = 5_000;

/**
 * Drains and closes a service, and says how the process should exit: 0 when every request in
 * flight got its answer and everything closed, 1 when the grace period had to cut requests
 * (their clients saw a dropped connection: the supervisor and the logs should know), when
 * closing failed, or when it outlasted grace period and allowance.
 */
export async function stopService(
  logger: Logger,
  service: StoppableService,
  cleanupAllowanceMs = SHUTDOWN_CLEANUP_ALLOWANCE_MS,
): Promise<0 | 1> {
  const started = performance.now();
  const seconds = () => Number(((performance.now() - started) / 1000).toFixed(2));
  const deadlineMs = service.shutdownGraceMs + cleanupAllowanceMs;
  let timer: NodeJS.Timeout | undefined;
  const outlasted = new Promise<'outlasted'>((resolve) => {
    timer = setTimeout(() => resolve('outlasted'), deadlineMs);
  });
  try {
    if ((await Promise.race([service.close().then(() => 'closed' as const), outlasted])) === 'outlasted') {
      logger.error('shutdown did not finish in time; exiting anyway', { deadlineMs, seconds: seconds() });
      return 1;
    }
  } catch (error) {
    logger.error('shutdown failed', { ...describeError(error), seconds: seconds() });
    return 1;
  } finally {
    clearTimeout(timer);
  }
  const requestsCut = service.requestsCut();
  if (requestsCut > 0) {
    logger.error('stopped, cutting requests still in flight after the grace period', {
      requestsCut,
      graceMs: service.shutdownGraceMs,
      seconds: seconds(),
    });
    return 1;
  }
  logger.info('stopped', { seconds: seconds() });
  return 0;
}

/**
 * Stops a service on the first SIGINT or SIGTERM and exits with stopService's code. Later
 * signals are ignored rather than taken as "hurry up": a terminal's Ctrl-C reaches every
 * process of the group and `pnpm start` forwards a SIGTERM as well, so each service receives
 * two signals for one shutdown.
 */
export function onShutdown(logger: Logger, service: StoppableService): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    // Started first: its first steps (the listener closed to new connections) run before this
    // turn ends, so whoever reads "shutting down" finds them done, on a loaded machine too.
    const stopped = stopService(logger, service);
    logger.info('shutting down', { signal, graceMs: service.shutdownGraceMs });
    void stopped.then((code) => process.exit(code));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
