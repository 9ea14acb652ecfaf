import type { GraphQLDataSource } from '@apollo/gateway';
import type { GatewayContext } from '../context';
import type { RequestFetches } from '../merged-requests/request-fetches';
import { fetchDedupKey, isSharableFetch } from './fetch-dedup-key';
import type { InFlightFetches } from './in-flight-fetches';
import { isIncomingFetch, type FetchResponse, type IncomingFetch, type ProcessOptions } from './incoming-fetch';

/**
 * Has the agency record a merged fetch's read as each request's own audit record, a copy of the
 * one it wrote for request `copyOf` (AgencyDataSource.recordMergedReads); true once all are written.
 */
export type RecordMergedReads = (
  fetch: IncomingFetch,
  requests: readonly GatewayContext[],
  copyOf: string,
) => Promise<boolean>;

/**
 * A subgraph's data source with identical fetches in flight sent once (InFlightFetches decides
 * which may share). Wraps the agency's own data source, so a fetch that shares a public answer
 * signs no token and opens no connection, and one that shares a personal answer only asks the
 * agency for its audit record; every other fetch, and every health check or schema load, goes
 * through it unchanged.
 */
export class DeduplicatingDataSource implements GraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraph: string,
    private readonly inner: GraphQLDataSource<GatewayContext>,
    private readonly inFlight: InFlightFetches,
    private readonly recordMergedReads: RecordMergedReads = async () => false,
    /** Where each request's fetches are noted, for requests that take its whole answer. */
    private readonly requestFetches?: RequestFetches,
  ) {}

  process(options: ProcessOptions): Promise<FetchResponse> {
    if (!isIncomingFetch(options)) return this.inner.process(options);
    const { incomingRequestContext, context } = options;
    if (!isSharableFetch(options)) {
      // Nothing another request could take over: a request that made it is never merged.
      this.requestFetches?.record(context, {
        subgraph: this.subgraph,
        audited: true,
        recordCopiesFor: async () => false,
      });
      return this.inner.process(options);
    }
    return this.inFlight.fetch(
      this.subgraph,
      fetchDedupKey(this.subgraph, options),
      {
        subject: context.caller?.subject,
        requestId: context.requestId,
        recordCopyOf: (copyOf) => this.recordMergedReads(options, [context], copyOf),
        answered: ({ audited, auditedAs }) =>
          this.requestFetches?.record(context, {
            subgraph: this.subgraph,
            audited,
            recordCopiesFor: (others) => this.recordMergedReads(options, others, auditedAs),
          }),
      },
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
