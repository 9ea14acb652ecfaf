import { describe, expect, it } from 'vitest';
import { recordingLogger } from '../../testing/recording-logger';
import { stopService, type StoppableService } from '../on-shutdown';

const service = (close: () => Promise<void>, requestsCut = 0, shutdownGraceMs = 1_000): StoppableService => ({
  close,
  requestsCut: () => requestsCut,
  shutdownGraceMs,
});

describe('stopService', () => {
  it('exits 0 when every request in flight got its answer and everything closed', async () => {
    const { logger, lines } = recordingLogger();
    expect(
      await stopService(
        logger,
        service(async () => {}),
      ),
    ).toBe(0);
    expect(lines).toEqual([{ level: 'info', message: 'stopped', fields: { seconds: expect.any(Number) } }]);
  });

  it('exits 1 when the grace period had to cut requests, saying how many', async () => {
    const { logger, lines } = recordingLogger();
    expect(
      await stopService(
        logger,
        service(async () => {}, 2),
      ),
    ).toBe(1);
    expect(lines[0]).toMatchObject({ level: 'error', fields: { requestsCut: 2, graceMs: 1_000 } });
  });

  it('exits 1 when closing fails', async () => {
    const { logger, lines } = recordingLogger();
    const failing = service(async () => {
      throw new Error('database would not close');
    });
    expect(await stopService(logger, failing)).toBe(1);
    expect(lines[0]).toMatchObject({
      level: 'error',
      message: 'shutdown failed',
      fields: { error: 'database would not close' },
    });
  });

  it('exits 1 when closing outlasts the grace period and the cleanup allowance', async () => {
    const { logger, lines } = recordingLogger();
    const hanging = service(() => new Promise<void>(() => {}), 0, 100);
    const started = performance.now();
    expect(await stopService(logger, hanging, 50)).toBe(1);
    const elapsed = performance.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(145);
    expect(elapsed).toBeLessThan(1_000);
    expect(lines[0]).toMatchObject({ level: 'error', message: 'shutdown did not finish in time; exiting anyway' });
  });
});
