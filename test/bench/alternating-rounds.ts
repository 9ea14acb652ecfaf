import { formatMs, median, timeCalls } from './measure';

/** One mode's system, started for a round: how to send the measured request, and how to stop. */
export interface StartedMode {
  send(): Promise<{ body: { errors?: readonly { extensions?: Record<string, unknown> }[] } }>;
  stop(): Promise<void>;
}

export interface AlternatingRounds<TMode extends string> {
  /** The two ways of running the same request; the first is the one whose cost is measured. */
  modes: readonly [TMode, TMode];
  rounds: number;
  runs: number;
  start(mode: TMode): Promise<StartedMode>;
}

/**
 * Times the same request under two modes in alternating rounds on the same databases, so that
 * machine noise falls on both: round 0 only warms the caches, later rounds swap which mode goes
 * first. A request that fails stops the benchmark: it would time the wrong thing. Fields the
 * caller's policy withholds (FORBIDDEN) are part of the answer being timed.
 */
export async function timeInAlternatingRounds<TMode extends string>(
  options: AlternatingRounds<TMode>,
): Promise<Record<TMode, number[]>> {
  const [measured, baseline] = options.modes;
  const samples = { [measured]: [], [baseline]: [] } as unknown as Record<TMode, number[]>;
  for (let round = 0; round <= options.rounds; round += 1) {
    for (const mode of round % 2 ? options.modes : ([baseline, measured] as const)) {
      const started = await options.start(mode);
      try {
        const check = await started.send();
        const failures = (check.body.errors ?? []).filter((error) => error.extensions?.code !== 'FORBIDDEN');
        if (failures.length > 0) throw new Error(JSON.stringify(failures));
        const timing = await timeCalls(() => started.send(), { runs: options.runs });
        if (round === 0) continue;
        samples[mode].push(...timing.runs);
        console.log(`round ${round} ${mode.padEnd(9)} p50 ${formatMs(timing.median)}`);
      } finally {
        await started.stop();
      }
    }
  }
  return samples;
}

/** `<what>, N runs each: sealed p50 …, unsealed p50 …, ratio …× (+… ms)`. */
export function ratioLine<TMode extends string>(
  what: string,
  samples: Record<TMode, number[]>,
  [measured, baseline]: readonly [TMode, TMode],
): string {
  const cost = median(samples[measured]);
  const base = median(samples[baseline]);
  return (
    `${what}, ${samples[measured].length} runs each: ${measured} p50 ${formatMs(cost)}, ` +
    `${baseline} p50 ${formatMs(base)}, ratio ${(cost / base).toFixed(2)}× ` +
    `(${cost >= base ? '+' : '−'}${formatMs(Math.abs(cost - base))})`
  );
}
