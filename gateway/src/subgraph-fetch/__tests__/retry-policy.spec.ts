import { OperationTypeNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { isTransientFailure, subgraphRetryPolicy, type RetryPolicyOptions } from '../retry-policy';
import { SubgraphFailure, type SubgraphFailureKind } from '../subgraph-failure';

const settings = { retries: 2, retryBaseDelayMs: 10, retryMaxDelayMs: 40, retryAfterCapMs: 300 };

const failure = (kind: SubgraphFailureKind, details: SubgraphFailure['details'] = {}) =>
  new SubgraphFailure('bpjs', kind, kind, details);

/** Runs an always-failing attempt through the policy; how many times was it tried, and when? */
async function attemptsUntilGivingUp(error: SubgraphFailure, options: Partial<RetryPolicyOptions> = {}) {
  const policy = subgraphRetryPolicy({
    operationType: OperationTypeNode.QUERY,
    settings,
    remainingMs: () => 5_000,
    ...options,
  });
  const startedAt = performance.now();
  const times: number[] = [];
  await expect(
    policy.execute(() => {
      times.push(performance.now() - startedAt);
      throw error;
    }),
  ).rejects.toBe(error);
  return times;
}

describe('which failures are transient', () => {
  it.each([
    ['connection', {}, true],
    ['rate-limited', { status: 429 }, true],
    ['server-error', { status: 502 }, true],
    ['server-error', { status: 503 }, true],
    ['server-error', { status: 504 }, true],
    ['server-error', { status: 500 }, false],
    ['timeout', {}, false],
    ['invalid-response', { status: 200 }, false],
    ['refused', { status: 401 }, false],
    ['circuit-open', {}, false],
  ] as const)('%s %o: %s', (kind, details, transient) => {
    expect(isTransientFailure(failure(kind, details))).toBe(transient);
  });
});

describe('subgraphRetryPolicy', () => {
  it('retries a query on a transient failure, `retries` times', async () => {
    expect(await attemptsUntilGivingUp(failure('connection'))).toHaveLength(3);
    expect(await attemptsUntilGivingUp(failure('server-error', { status: 503 }))).toHaveLength(3);
  });

  it('never retries a mutation, a subscription or an operation it cannot classify', async () => {
    for (const operationType of [OperationTypeNode.MUTATION, OperationTypeNode.SUBSCRIPTION, undefined]) {
      expect(await attemptsUntilGivingUp(failure('connection'), { operationType })).toHaveLength(1);
      expect(await attemptsUntilGivingUp(failure('server-error', { status: 503 }), { operationType })).toHaveLength(1);
    }
  });

  it('does not retry what would fail again', async () => {
    expect(await attemptsUntilGivingUp(failure('server-error', { status: 500 }))).toHaveLength(1);
    expect(await attemptsUntilGivingUp(failure('timeout'))).toHaveLength(1);
    expect(await attemptsUntilGivingUp(failure('circuit-open'))).toHaveLength(1);
  });

  it('returns the first success', async () => {
    let calls = 0;
    const policy = subgraphRetryPolicy({ operationType: OperationTypeNode.QUERY, settings, remainingMs: () => 5_000 });
    const answer = await policy.execute(() => {
      calls += 1;
      if (calls < 3) throw failure('connection');
      return 'answer';
    });
    expect({ answer, calls }).toEqual({ answer: 'answer', calls: 3 });
  });

  it('pauses with jitter within the exponential ceilings', async () => {
    const times = await attemptsUntilGivingUp(failure('connection'), { random: () => 0.999 });
    // Ceilings are 10 ms then 20 ms; with random ~1 the pauses are 9 ms and 19 ms.
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(8);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(18);
    // Each pause draws its own jitter (how short they then are is retry-delay.spec's: a loaded
    // machine's timers only ever run late, so wall time can bound a pause from below, not above).
    let draws = 0;
    await attemptsUntilGivingUp(failure('connection'), { random: () => (draws++, 0) });
    expect(draws).toBe(2);
  });

  it('honours Retry-After exactly when it is within the cap', async () => {
    const times = await attemptsUntilGivingUp(failure('rate-limited', { status: 429, retryAfterMs: 120 }));
    expect(times).toHaveLength(3);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(115);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(115);
  });

  it('gives up at once when Retry-After asks for more than the cap or the remaining budget', async () => {
    const overCap = await attemptsUntilGivingUp(failure('rate-limited', { status: 429, retryAfterMs: 301 }));
    expect(overCap).toHaveLength(1);
    const overBudget = await attemptsUntilGivingUp(failure('rate-limited', { status: 429, retryAfterMs: 200 }), {
      remainingMs: () => 150,
    });
    expect(overBudget).toHaveLength(1);
  });

  it('stops retrying when the deadline has passed, and never pauses past it', async () => {
    expect(await attemptsUntilGivingUp(failure('connection'), { remainingMs: () => 0 })).toHaveLength(1);
    const startedAt = performance.now();
    const times = await attemptsUntilGivingUp(failure('connection'), {
      settings: { ...settings, retryBaseDelayMs: 10_000, retryMaxDelayMs: 10_000 },
      random: () => 0.999,
      remainingMs: () => 50 - (performance.now() - startedAt),
    });
    expect(times.at(-1)!).toBeLessThan(200);
  });
});
