import type { GatewayContext } from '../context';
import type { RequestFetch } from './request-fetches';

/** A whole answer as another request may take it: what Apollo sends, and what was read for it. */
export interface SharedAnswer<TResponse> {
  response: TResponse;
  /** The subgraph fetches the answer came from; each personal one is recorded again for a taker. */
  fetches: readonly RequestFetch[];
}

/** What joining a key gives: the lead, to settle with the answer, or the leader's answer to wait for. */
export type Joined<TResponse> =
  | { leads: true; settle(answer: SharedAnswer<TResponse> | null): void }
  | { leads: false; answer: Promise<SharedAnswer<TResponse> | null> };

export interface InFlightRequestsOptions {
  /** The longest a request waits for a leader before running on its own. */
  maxWaitMs?: number;
  /** Told each time a request took another's whole answer: for metrics. */
  onMerged?: () => void;
}

/** Longer than any answer takes when things are well; a stuck leader holds nobody for long. */
const DEFAULT_MAX_WAIT_MS = 10_000;

/**
 * Identical requests in flight at the same time, run once. Identical means the same key
 * (requestMergeKey): the same operation and variables, and everything the gateway knows about the
 * request but its id — the same caller, roles, purpose and data subject. So only one caller's own
 * identical requests are merged; another caller never receives an answer shaped for someone else.
 *
 * A request that takes the leader's answer first has every personal subgraph read of it recorded
 * at its agency as its own audit record (a copy of the leader's, see POST /audit-copy). If any
 * copy is refused or fails, or the leader's answer cannot be shared, or takes too long, the
 * request runs on its own. Every request that receives personal data is in the agencies' audit
 * trails before its answer leaves the gateway, as if it had run.
 */
export class InFlightRequests<TResponse> {
  private readonly flights = new Map<string, Promise<SharedAnswer<TResponse> | null>>();

  constructor(private readonly options: InFlightRequestsOptions = {}) {}

  join(key: string): Joined<TResponse> {
    const inFlight = this.flights.get(key);
    if (inFlight) return { leads: false, answer: inFlight };
    let resolve!: (answer: SharedAnswer<TResponse> | null) => void;
    const answer = new Promise<SharedAnswer<TResponse> | null>((settle) => (resolve = settle));
    this.flights.set(key, answer);
    const settle = (shared: SharedAnswer<TResponse> | null) => {
      clearTimeout(deadline);
      if (this.flights.get(key) === answer) this.flights.delete(key);
      resolve(shared);
    };
    // A leader that never settles (its request failed where no hook runs) holds no one for long.
    const deadline = setTimeout(() => settle(null), this.options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS);
    deadline.unref();
    return { leads: true, settle };
  }

  /** The leader's answer once this request's own audit records are written; null to run on its own. */
  async take(answer: Promise<SharedAnswer<TResponse> | null>, context: GatewayContext): Promise<TResponse | null> {
    const shared = await answer;
    if (!shared) return null;
    const personal = shared.fetches.filter((fetch) => !fetch.public);
    const copied = await Promise.all(personal.map((fetch) => fetch.recordCopyFor(context)));
    if (!copied.every(Boolean)) return null;
    this.options.onMerged?.();
    return shared.response;
  }
}
