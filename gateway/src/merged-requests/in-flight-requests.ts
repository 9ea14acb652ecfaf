import type { GatewayContext } from '../context';
import type { RequestFetch } from './request-fetches';

/** A whole answer as another request may take it: what Apollo sends, and what was read for it. */
export interface SharedAnswer<TResponse> {
  response: TResponse;
  /** The subgraph fetches the answer came from; each audited one is recorded again for the takers. */
  fetches: readonly RequestFetch[];
}

/** What joining a key gives: the lead, to settle with the answer, or the leader's answer, once recorded as this request's own. */
export type Joined<TResponse> =
  | { leads: true; settle(answer: SharedAnswer<TResponse> | null): void }
  | { leads: false; answer: Promise<TResponse | null> };

export interface InFlightRequestsOptions {
  /** The longest a leader may take before the requests waiting for it run on their own. */
  maxWaitMs?: number;
  /** Told each time a request took another's whole answer: for metrics. */
  onMerged?: () => void;
}

interface Follower<TResponse> {
  context: GatewayContext;
  receive(response: TResponse | null): void;
}

/** Longer than any answer takes when things are well; a stuck leader holds nobody for long. */
const DEFAULT_MAX_WAIT_MS = 10_000;

/**
 * Identical requests in flight at the same time, run once. Identical means the same key
 * (requestMergeKey): the same operation and variables, and everything the gateway knows about the
 * request but its id — the same caller, roles, purpose and data subject. So only one caller's own
 * identical requests are merged; another caller never receives an answer shaped for someone else.
 *
 * When the leader's answer arrives, every personal subgraph read behind it is recorded at its
 * agency as each waiting request's own audit record (a copy of the leader's, POST /audit-copy:
 * one call per agency for all of them). Only then do they receive the answer. If any copy is
 * refused or fails, or the leader's answer cannot be shared, or takes too long, each runs on its
 * own. Every request that receives personal data is in the agencies' audit trails before its
 * answer leaves the gateway, as if it had run.
 */
export class InFlightRequests<TResponse> {
  private readonly flights = new Map<string, Follower<TResponse>[]>();

  constructor(private readonly options: InFlightRequestsOptions = {}) {}

  join(key: string, context: GatewayContext): Joined<TResponse> {
    const waiting = this.flights.get(key);
    if (waiting) {
      return { leads: false, answer: new Promise((receive) => waiting.push({ context, receive })) };
    }
    const followers: Follower<TResponse>[] = [];
    this.flights.set(key, followers);
    let settled = false;
    const settle = (shared: SharedAnswer<TResponse> | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      this.flights.delete(key);
      void this.handOver(shared, followers);
    };
    // A leader that never settles (its request failed where no hook runs) holds no one for long.
    const deadline = setTimeout(() => settle(null), this.options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS);
    deadline.unref();
    return { leads: true, settle };
  }

  private async handOver(shared: SharedAnswer<TResponse> | null, followers: readonly Follower<TResponse>[]) {
    if (followers.length === 0) return;
    let response: TResponse | null = null;
    try {
      const contexts = followers.map((follower) => follower.context);
      const personal = shared?.fetches.filter((fetch) => fetch.audited) ?? [];
      const copied = await Promise.all(personal.map((fetch) => fetch.recordCopiesFor(contexts)));
      if (shared && copied.every(Boolean)) response = shared.response;
    } catch {
      response = null;
    }
    for (const follower of followers) {
      if (response !== null) this.options.onMerged?.();
      follower.receive(response);
    }
  }
}
