import { describe, expect, it } from 'vitest';
import { checkReadiness, runCheck, sharingRunInFlight, type ReadinessCheck } from '../readiness-check';

const passing = (name: string): ReadinessCheck => ({ name, run: async () => {} });
const failing = (name: string, reason: string): ReadinessCheck => ({
  name,
  run: async () => {
    throw new Error(reason);
  },
});

describe('readiness checks', () => {
  it('is ready when every check passes, reporting each by name with its duration', async () => {
    const report = await checkReadiness([passing('database'), passing('migrations')]);
    expect(report).toEqual({
      status: 'ready',
      checks: {
        database: { status: 'ok', ms: expect.any(Number) },
        migrations: { status: 'ok', ms: expect.any(Number) },
      },
    });
  });

  it('is not ready when one check fails, with that check and its reason named', async () => {
    const report = await checkReadiness([passing('database'), failing('seed', 'the demo preset is loading')]);
    expect(report.status).toBe('not_ready');
    expect(report.checks.database).toMatchObject({ status: 'ok' });
    expect(report.checks.seed).toMatchObject({ status: 'failed', reason: 'the demo preset is loading' });
  });

  it('fails a check that outlasts its timeout, and aborts it', async () => {
    let aborted = false;
    const hanging: ReadinessCheck = {
      name: 'subgraph:bpjs',
      timeoutMs: 50,
      run: (signal) =>
        new Promise<void>((_resolve, reject) =>
          signal.addEventListener('abort', () => {
            aborted = true;
            reject(new Error('aborted'));
          }),
        ),
    };
    const started = performance.now();
    const outcome = await runCheck(hanging);
    expect(outcome).toMatchObject({ status: 'failed', reason: 'timed out after 50 ms' });
    expect(performance.now() - started).toBeLessThan(500);
    expect(aborted).toBe(true);
  });

  it('lets a probe arriving while an earlier run is pending wait for that run instead of starting another', async () => {
    let runs = 0;
    let finish!: () => void;
    const slow = sharingRunInFlight({
      name: 'database',
      timeoutMs: 20,
      run: () => {
        runs += 1;
        return new Promise<void>((resolve) => (finish = resolve));
      },
    });
    expect(await runCheck(slow)).toMatchObject({ status: 'failed', reason: 'timed out after 20 ms' });
    expect(await runCheck(slow)).toMatchObject({ status: 'failed', reason: 'timed out after 20 ms' });
    expect(runs).toBe(1);
    finish();
    await new Promise((resolve) => setImmediate(resolve));
    const third = runCheck(slow);
    finish();
    expect(await third).toMatchObject({ status: 'ok' });
    expect(runs).toBe(2);
  });
});
