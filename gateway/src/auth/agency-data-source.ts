import { RemoteGraphQLDataSource } from '../apollo-gateway';
import { parse, type DocumentNode } from 'graphql';
import {
  AUDIT_COPY_PATH,
  GATEWAY_TOKEN_HEADER,
  MAX_COPIES_PER_TOKEN,
  type ForwardedRequest,
  type SignedOperation,
} from '@jembatan/kit/access';
import type { GatewayContext } from '../context';
import {
  createSubgraphFetchers,
  missingFieldPaths,
  SubgraphFailure,
  subgraphFailureResponse,
  type SubgraphFetchers,
  type SubgraphResponse,
} from '../subgraph-fetch';

export type SignGatewayToken = (
  audience: string,
  forwarded: ForwardedRequest,
  operation: SignedOperation,
) => Promise<string>;

type ProcessOptions = Parameters<RemoteGraphQLDataSource<GatewayContext>['process']>[0];
type OutgoingRequest = ProcessOptions['request'];

/** An audit copy is one small INSERT at the agency; a follower waits this long at most, then fetches itself. */
const AUDIT_COPY_TIMEOUT_MS = 5_000;

/** What the gateway vouches for to an agency about one request. */
function forwardedRequestOf(context: GatewayContext): ForwardedRequest | undefined {
  if (!context.caller) return undefined;
  return {
    caller: context.caller,
    purpose: context.purpose,
    requestId: context.requestId,
    // Only a published operation's name travels: a name a client chose stays at the gateway.
    operationName: context.publishedOperation,
    dataSubject: context.dataSubject,
  };
}

/** The operation as the data source serialises it for the subgraph, which the token is signed for. */
const signedOperationOf = (request: OutgoingRequest): SignedOperation => ({
  query: request.query ?? '',
  variables: request.variables,
  operationName: request.operationName,
});

/** The operation the gateway sends: parsed by the query planner already, except for health checks. */
function documentOf(options: ProcessOptions): DocumentNode | undefined {
  if ('document' in options && options.document) return options.document;
  try {
    return options.request.query ? parse(options.request.query) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One agency's subgraph as the gateway calls it. Each fetch carries a fresh token the gateway
 * signs for that agency alone, vouching for the caller, their roles and purpose, and the
 * request id; the user's own token never leaves the gateway.
 *
 * Fetches go through the agency's resilient fetcher (deadline, retries for queries, circuit
 * breaker, bounded keep-alive pool: ../subgraph-fetch). When one fails as a whole, the agency's
 * fields come back null with SUBGRAPH_UNAVAILABLE or SUBGRAPH_TIMEOUT at their paths, and the
 * other agency's data still arrives; nothing about the subgraph (URL, status, body) does.
 */
export class AgencyDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly agency: string,
    url: string,
    private readonly sign: SignGatewayToken,
    /** Shared by all the gateway's data sources; by default this one gets its own, with default settings. */
    fetchers: SubgraphFetchers = createSubgraphFetchers(),
  ) {
    super({ url, fetcher: fetchers.forSubgraph(agency).fetch });
  }

  override async process(options: ProcessOptions): Promise<SubgraphResponse> {
    try {
      return await super.process(options);
    } catch (error) {
      // Anything else is a bug of ours, left to formatError's masking of unexpected errors.
      if (!(error instanceof SubgraphFailure)) throw error;
      const document = documentOf(options);
      const paths = document ? missingFieldPaths(document, options.request.variables) : [];
      return subgraphFailureResponse(error, paths);
    }
  }

  override async willSendRequest({
    request,
    context,
  }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['willSendRequest']>>[0]) {
    const headers = request.http?.headers;
    // Health checks and schema loads come with an empty context: no caller, nothing signed.
    const forwarded = forwardedRequestOf(context as Partial<GatewayContext> as GatewayContext);
    if (!headers || !forwarded) return;
    headers.set('x-request-id', context.requestId);
    // Signed as it will be sent: the data source serialises this same request as the body.
    headers.set(GATEWAY_TOKEN_HEADER, await this.sign(this.agency, forwarded, signedOperationOf(request)));
  }

  /**
   * Asks the agency to record the read of `copyOf` (the identical fetch of the same caller whose
   * answer these requests are about to receive instead of fetching: see InFlightFetches and
   * InFlightRequests) as each request's own audit record. All `contexts` are one caller's
   * identical requests, so one token names them all (`copiesFor`), a few hundred at most per
   * call. True once every record is written; false on any refusal or failure, and the requests
   * then send their fetches themselves.
   */
  async recordMergedReads(
    request: OutgoingRequest,
    contexts: readonly GatewayContext[],
    copyOf: string,
  ): Promise<boolean> {
    const operation = signedOperationOf(request);
    const batches: GatewayContext[][] = [];
    for (let start = 0; start < contexts.length; start += MAX_COPIES_PER_TOKEN) {
      batches.push(contexts.slice(start, start + MAX_COPIES_PER_TOKEN));
    }
    const recorded = await Promise.all(batches.map((batch) => this.recordCopies(operation, batch, copyOf)));
    return recorded.every(Boolean);
  }

  private async recordCopies(operation: SignedOperation, contexts: readonly GatewayContext[], copyOf: string) {
    const [first] = contexts;
    const forwarded = first && forwardedRequestOf(first);
    if (!forwarded) return false;
    const copiesFor = contexts.length > 1 ? contexts.map((context) => context.requestId) : undefined;
    try {
      const response = await fetch(new URL(AUDIT_COPY_PATH, this.url), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-request-id': forwarded.requestId,
          [GATEWAY_TOKEN_HEADER]: await this.sign(this.agency, { ...forwarded, copiesFor }, operation),
        },
        body: JSON.stringify({ ...operation, copyOf }),
        signal: AbortSignal.timeout(AUDIT_COPY_TIMEOUT_MS),
      });
      await response.arrayBuffer();
      return response.status === 201;
    } catch {
      return false;
    }
  }
}
