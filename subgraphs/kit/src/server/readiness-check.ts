/**
 * One dependency a service needs before it can answer: its database, the subgraphs behind a
 * gateway. `run` resolves when the dependency is usable and rejects with the reason when not.
 */
export interface ReadinessCheck {
  /** Names the dependency in the readiness report: `database`, `subgraph:bpjs`. */
  readonly name: string;
  /** How long the check may take before it counts as failed; DEFAULT_CHECK_TIMEOUT_MS when absent. */
  readonly timeoutMs?: number;
  /** Aborted when the check times out, so a probe over the network stops waiting. */
  run(signal: AbortSignal): Promise<void>;
}

export type CheckOutcome = { status: 'ok'; ms: number } | { status: 'failed'; ms: number; reason: string };

export interface ReadinessReport {
  /** `draining`: the service is shutting down and wants no new traffic, whatever its checks say. */
  status: 'ready' | 'not_ready' | 'draining';
  checks: Record<string, CheckOutcome>;
}

/**
 * A load balancer polls every few seconds and gives up after a second or two: a check must
 * answer well within that, and a dependency slower than this is as good as down for our callers.
 */
export const DEFAULT_CHECK_TIMEOUT_MS = 1_000;

class CheckTimedOutError extends Error {}

/** Runs one check under its timeout; never rejects. */
export async function runCheck(check: ReadinessCheck): Promise<CheckOutcome> {
  const timeoutMs = check.timeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS;
  const controller = new AbortController();
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      // Settle first, then abort: the abort makes the check reject too, with a vaguer reason.
      reject(new CheckTimedOutError(`timed out after ${timeoutMs} ms`));
      controller.abort();
    }, timeoutMs);
  });
  try {
    await Promise.race([check.run(controller.signal), timedOut]);
    return { status: 'ok', ms: elapsedMs(started) };
  } catch (error) {
    return { status: 'failed', ms: elapsedMs(started), reason: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

/** Runs every check at once and reports each by name. */
export async function checkReadiness(checks: readonly ReadinessCheck[]): Promise<ReadinessReport> {
  const outcomes = await Promise.all(checks.map(async (check) => [check.name, await runCheck(check)] as const));
  return {
    status: outcomes.every(([, outcome]) => outcome.status === 'ok') ? 'ready' : 'not_ready',
    checks: Object.fromEntries(outcomes),
  };
}

/**
 * The same check, but a probe that arrives while an earlier run is still pending (past its
 * timeout, say, on a database that hangs) waits for that run instead of starting another: a
 * hung dependency costs one pending probe, not one per poll, and probes never take every
 * connection of a pool.
 */
export function sharingRunInFlight(check: ReadinessCheck): ReadinessCheck {
  let pending: Promise<void> | undefined;
  return {
    name: check.name,
    timeoutMs: check.timeoutMs,
    run(signal) {
      if (!pending) {
        pending = check.run(signal).finally(() => {
          pending = undefined;
        });
      }
      return pending;
    },
  };
}

function elapsedMs(started: number): number {
  return Math.round(performance.now() - started);
}
