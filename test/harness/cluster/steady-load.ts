export interface Outcome {
  phase: string;
  ms: number;
  /** Undefined when the answer was whole; else why not (`http 502`, `error SUBGRAPH_TIMEOUT`, `network ECONNRESET`). */
  failure?: string;
  servedBy?: string;
}

export interface PhaseFigures {
  phase: string;
  sent: number;
  answered: number;
  failed: Record<string, number>;
  p50: number;
  p99: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/**
 * Requests at a fixed rate whatever the answers take (an open loop, as many clients are), each
 * counted in the phase it was sent in. Bounded twice: `maxRequests` in all and `maxSeconds`.
 */
export class SteadyLoad {
  readonly outcomes: Outcome[] = [];
  private phase = 'start';
  private sent = 0;
  private inFlight = 0;
  private stopped = false;
  private readonly pending = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private readonly started = performance.now();

  constructor(
    private readonly send: () => Promise<Omit<Outcome, 'phase' | 'ms'>>,
    private readonly options: { perSecond: number; maxRequests: number; maxSeconds: number },
  ) {}

  start(phase: string): void {
    this.phase = phase;
    this.timer = setInterval(() => this.tick(), 1000 / this.options.perSecond);
  }

  enter(phase: string): void {
    this.phase = phase;
  }

  /** Requests sent and not yet answered, now. */
  get requestsInFlight(): number {
    return this.inFlight;
  }

  private tick(): void {
    const elapsed = (performance.now() - this.started) / 1000;
    if (this.stopped || this.sent >= this.options.maxRequests || elapsed > this.options.maxSeconds) {
      clearInterval(this.timer);
      return;
    }
    this.sent += 1;
    this.inFlight += 1;
    const phase = this.phase;
    const began = performance.now();
    const request = this.send()
      .catch((error: unknown) => ({ failure: `client ${(error as Error).message}` }))
      .then((outcome) => {
        this.outcomes.push({ phase, ms: performance.now() - began, ...outcome });
      })
      .finally(() => {
        this.inFlight -= 1;
        this.pending.delete(request);
      });
    this.pending.add(request);
  }

  /** Stops sending and waits for every answer. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await Promise.all(this.pending);
  }

  figures(): PhaseFigures[] {
    const phases = [...new Set(this.outcomes.map((outcome) => outcome.phase))];
    return phases.map((phase) => {
      const of = this.outcomes.filter((outcome) => outcome.phase === phase);
      const failed: Record<string, number> = {};
      for (const { failure } of of) if (failure) failed[failure] = (failed[failure] ?? 0) + 1;
      const times = of.map((outcome) => outcome.ms).sort((a, b) => a - b);
      return {
        phase,
        sent: of.length,
        answered: of.filter((outcome) => !outcome.failure).length,
        failed,
        p50: Math.round(percentile(times, 50)),
        p99: Math.round(percentile(times, 99)),
      };
    });
  }
}
