import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GraphQLRequestContext } from '@apollo/server';
import type { GatewayContext } from '../context';

/** What the gateway hands a data source for one subgraph fetch. */
export type ProcessOptions = GraphQLDataSourceProcessOptions<GatewayContext>;

/** A fetch made for a client's operation (not a health check or schema load). */
export type IncomingFetch = Extract<ProcessOptions, { incomingRequestContext: unknown }>;

/** A subgraph's answer to one fetch, as the data source returns it. */
export type FetchResponse = Awaited<ReturnType<GraphQLDataSource<GatewayContext>['process']>>;

/** The request's overall cache policy, which the data source narrows by the subgraph's `Cache-Control`. */
export type CachePolicy = GraphQLRequestContext<GatewayContext>['overallCachePolicy'];
export type CacheHint = Parameters<CachePolicy['restrict']>[0];

/** Only a client's operation comes with the client's request (Apollo's request kind enum is not exported). */
export const isIncomingFetch = (options: ProcessOptions): options is IncomingFetch =>
  'incomingRequestContext' in options && options.incomingRequestContext !== undefined;
