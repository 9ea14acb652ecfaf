import type { GatewayContext } from '../context';

/** One subgraph fetch a request made, as another request identical to it would need it. */
export interface RequestFetch {
  subgraph: string;
  /** The agency recorded a personal read for it: a request taking the answer needs its own copy of that record. */
  audited: boolean;
  /**
   * Has the agency record the read of this fetch for other requests (their contexts) as each
   * one's own audit record; true once all are written, false when refused or failed.
   */
  recordCopiesFor(contexts: readonly GatewayContext[]): Promise<boolean>;
}

/**
 * The subgraph fetches each request in flight made, by its context: what a request that takes
 * another's whole answer (InFlightRequests) must have recorded in its own name first. Weakly
 * held, so a request that ends without asking for its list leaves nothing behind.
 */
export class RequestFetches {
  private readonly fetches = new WeakMap<GatewayContext, RequestFetch[]>();

  record(context: GatewayContext, fetch: RequestFetch): void {
    const list = this.fetches.get(context);
    if (list) list.push(fetch);
    else this.fetches.set(context, [fetch]);
  }

  take(context: GatewayContext): readonly RequestFetch[] {
    const list = this.fetches.get(context) ?? [];
    this.fetches.delete(context);
    return list;
  }
}
