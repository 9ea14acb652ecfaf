import type { GraphQLDataSource } from '@apollo/gateway';
import type { GatewayContext } from '../context';
import { fetchDedupKey, isSharableFetch } from './fetch-dedup-key';
import type { InFlightFetches } from './in-flight-fetches';
import { isIncomingFetch, type FetchResponse, type ProcessOptions } from './incoming-fetch';

/**
 * A subgraph's data source with identical fetches in flight sent once (InFlightFetches decides
 * which may share). Wraps the agency's own data source, so a fetch that shares an answer signs
 * no token and opens no connection; every other fetch, and every health check or schema load,
 * goes through it unchanged.
 */
export class DeduplicatingDataSource implements GraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraph: string,
    private readonly inner: GraphQLDataSource<GatewayContext>,
    private readonly inFlight: InFlightFetches,
  ) {}

  process(options: ProcessOptions): Promise<FetchResponse> {
    if (!isIncomingFetch(options) || !isSharableFetch(options)) return this.inner.process(options);
    const { incomingRequestContext } = options;
    return this.inFlight.fetch(
      this.subgraph,
      fetchDedupKey(this.subgraph, options),
      incomingRequestContext.overallCachePolicy,
      // The fetch's Cache-Control goes to the policy given here, read as a whole, then on to
      // every request that receives this answer.
      (policy) =>
        this.inner.process({
          ...options,
          incomingRequestContext: { ...incomingRequestContext, overallCachePolicy: policy },
        }),
    );
  }
}
