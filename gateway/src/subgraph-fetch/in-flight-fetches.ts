import { BoundedVerdicts } from './bounded-verdicts';
import type { CachePolicy, FetchResponse } from './incoming-fetch';
import { RecordingCachePolicy } from './recording-cache-policy';

/** Sends one fetch, narrowing the given policy by the subgraph's `Cache-Control`. */
export type SendFetch = (policy: CachePolicy) => Promise<FetchResponse>;

export interface InFlightFetchesOptions {
  /** How many keys' last verdicts are remembered (see BoundedVerdicts). */
  maxRememberedKeys?: number;
  /** Told each time a fetch took another's answer instead of going to its subgraph: for metrics. */
  onMerged?: (subgraph: string) => void;
}

interface SharedAnswer {
  /** A copy of the leader's answer that no request has touched. */
  response: FetchResponse;
  /** What the subgraph's `Cache-Control` said about it, for each request's own cache policy. */
  policy: RecordingCachePolicy;
}

interface Flight {
  followers: number;
  /** The leader's answer when it may be shared; null when not. */
  answer: Promise<SharedAnswer | null>;
  settle(answer: SharedAnswer | null): void;
}

/** Ten thousand keys: a few megabytes at most, far more distinct aggregates than anyone asks at once. */
const DEFAULT_MAX_REMEMBERED_KEYS = 10_000;

/**
 * Identical subgraph fetches in flight at the same time, sent once. Two fetches are identical
 * when their keys are (fetchDedupKey: everything that changes the answer or the audit), and an
 * answer is shared only when its subgraph declared it public (`Cache-Control: max-age=N, public`,
 * no errors): a personal read is never shared, so every request that reads personal data reaches
 * the agency and is audited there.
 *
 * A fetch joins an identical one in flight unless the last answer for its key was not public;
 * when the answer it waited for turns out not to be public, it fetches on its own. So a key
 * that reads personal data costs a follower one extra wait the first time, and never again
 * while its verdict is remembered; each answer renews the verdict.
 */
export class InFlightFetches {
  private readonly flights = new Map<string, Flight>();
  private readonly verdicts: BoundedVerdicts;

  constructor(private readonly options: InFlightFetchesOptions = {}) {
    this.verdicts = new BoundedVerdicts(options.maxRememberedKeys ?? DEFAULT_MAX_REMEMBERED_KEYS);
  }

  async fetch(subgraph: string, key: string, ownPolicy: CachePolicy, send: SendFetch): Promise<FetchResponse> {
    const inFlight = this.flights.get(key);
    if (inFlight) return this.follow(inFlight, subgraph, ownPolicy, send);

    const flight = this.verdicts.get(key) === false ? undefined : this.open(key);
    const recorded = new RecordingCachePolicy();
    let response: FetchResponse | undefined;
    try {
      response = await send(recorded);
      return response;
    } finally {
      recorded.applyTo(ownPolicy);
      const shareable = response !== undefined && isPublicAnswer(response, recorded);
      this.verdicts.set(key, shareable);
      if (flight) {
        this.flights.delete(key);
        // Copied now, before the leader's request merges other fetches into its own answer.
        flight.settle(shareable && flight.followers > 0 ? { response: copyOf(response!), policy: recorded } : null);
      }
    }
  }

  private open(key: string): Flight {
    let settle!: (answer: SharedAnswer | null) => void;
    const answer = new Promise<SharedAnswer | null>((resolve) => (settle = resolve));
    const flight: Flight = { followers: 0, answer, settle };
    this.flights.set(key, flight);
    return flight;
  }

  private async follow(flight: Flight, subgraph: string, ownPolicy: CachePolicy, send: SendFetch) {
    flight.followers += 1;
    const shared = await flight.answer;
    if (!shared) return send(ownPolicy);
    shared.policy.applyTo(ownPolicy);
    this.options.onMerged?.(subgraph);
    return copyOf(shared.response);
  }
}

/** Public for a while, in so many words, and a complete answer: nothing personal was read. */
const isPublicAnswer = (response: FetchResponse, policy: RecordingCachePolicy) =>
  policy.declaredPublic() && !response.errors?.length && response.data != null;

/**
 * Each request gets its own answer to shape: the gateway merges later fetches into the objects
 * of earlier ones, which must never reach another request.
 */
const copyOf = (response: FetchResponse): FetchResponse => ({
  ...response,
  data: structuredClone(response.data),
  extensions: response.extensions && structuredClone(response.extensions),
});
