import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloGateway } from './apollo-gateway';
import type { GraphQLSchema } from 'graphql';
import type { JWK } from 'jose';
import { createGatewayTokenSigner } from '@jembatan/kit/access';
import { createFormatError } from '@jembatan/kit/errors';
import { createGatewayObservability } from '@jembatan/kit/gateway-observability';
import {
  createGraphqlHttpHandler,
  healthRoute,
  requestIdOf,
  startHttpService,
  type HttpServerLimits,
  type InternalListener,
  type HttpService,
} from '@jembatan/kit/http';
import { describeError, type Logger } from '@jembatan/kit/log';
import {
  AgencyDataSource,
  createUserTokenVerifier,
  declaredDataSubject,
  declaredPurpose,
  type UserTokenSettings,
} from './auth';
import type { GatewayContext } from './context';
import { createCsvExporter, CSV_PATH, csvRoute } from './csv';
import { gatewayReadinessChecks } from './health';
import { playgroundRoutes, type PlaygroundOptions } from './playground';
import { createResponseCache, type ResponseCacheConfig } from './response-cache';
import {
  createSubgraphFetchers,
  DeduplicatingDataSource,
  InFlightFetches,
  type ResilienceConfig,
} from './subgraph-fetch';
import { publishedOperationPlugin } from './operations';
import {
  InFlightRequests,
  mergedRequestsPlugin,
  RequestFetches,
  stringifyOnce,
  type MergedResponse,
} from './merged-requests';
import type { FileSupergraph } from './supergraph';
import {
  admitOrRefuse,
  callerMayQueryAdHoc,
  createQueryLimits,
  createRateLimiter,
  createRefusalRateLimiter,
  limitRefusalsByAddress,
  manifestPersistedQueries,
  operationResolutionPlugin,
  persistedQueryMismatchPlugin,
  readOperationManifest,
  trustedOperations,
  trustedProxiesOf,
  withCors,
  type LimitsConfig,
} from './limits';

export interface GatewayOptions {
  /** The supergraph: its SDL, fixed while the gateway runs, or its file, reloaded when it changes. */
  supergraphSdl: string | FileSupergraph;
  subgraphUrls: Record<string, string>;
  host: string;
  port: number;
  production: boolean;
  /** Stack traces in error answers (DEBUG_ERRORS=stack); off when absent. */
  stackTraces?: boolean;
  logger: Logger;
  /** How user tokens are verified. */
  auth: UserTokenSettings;
  /** The private key for the tokens the gateway forwards to the subgraphs. */
  signingKey: JWK;
  limits: LimitsConfig;
  /** Timeouts, retries, circuit breakers and connection pools for the subgraph fetches. */
  resilience?: ResilienceConfig;
  /** Caching of the answers the subgraphs declare public; absent, nothing is cached. */
  responseCache?: ResponseCacheConfig;
  /** Send identical subgraph fetches in flight once, sharing answers the subgraphs declare public (default on). */
  fetchDeduplication?: boolean;
  /** How long a stop lets requests in flight finish; the HTTP service's default when absent. */
  shutdownGraceMs?: number;
  /** Header and request timeouts and the connection cap of the HTTP server; its defaults when absent. */
  httpServer?: HttpServerLimits;
  /** Let @apollo/gateway send its usage telemetry to Apollo (off unless asked for). */
  apolloTelemetry?: boolean;
  /** The GraphiQL playground at `/`; absent, not served. */
  playground?: PlaygroundOptions;
  /** Where `/metrics` listens apart from the public port; on the public port when absent. */
  metricsListener?: InternalListener;
}

/** The most rows one CSV export follows a connection for: every unit of dki2016 thirty times over. */
const CSV_MAX_ROWS = 10_000;

/**
 * The supergraph gateway: plans each query across the agencies' subgraphs from a static,
 * committed supergraph, so it starts without the subgraphs being up.
 */
export async function startGateway(options: GatewayOptions): Promise<HttpService> {
  const { logger } = options;
  // First: a playground misconfigured for production fails the start before anything listens.
  const playground = playgroundRoutes(options.playground, { production: options.production, graphqlPath: '/graphql' });
  const signGatewayToken = await createGatewayTokenSigner(options.signingKey);
  const verifyUserToken = createUserTokenVerifier(options.auth, (reason) =>
    logger.warn('request refused: invalid user token', { reason }),
  );
  // @apollo/gateway reports usage to Apollo and probes cloud metadata endpoints unless this is
  // set, and reads only the environment for it; a gateway on a closed network calls out to no one.
  process.env.APOLLO_TELEMETRY_DISABLED = options.apolloTelemetry ? 'false' : 'true';
  // One set for the gateway's life: breaker and pool state survive the data sources being rebuilt.
  const observability = createGatewayObservability({
    logger,
    publishedOperationOf: (context) => (context as GatewayContext).publishedOperation,
  });
  const subgraphFetchers = createSubgraphFetchers(options.resilience, {
    onFetch: (subgraph, durationMs, outcome) =>
      observability.observeSubgraphFetch(subgraph, durationMs / 1000, outcome),
  });
  observability.observeCircuitBreakers(() => subgraphFetchers.breakerStates());
  const inFlightFetches =
    options.fetchDeduplication === false
      ? undefined
      : new InFlightFetches({ onMerged: observability.countMergedSubgraphFetch });
  // Whole requests are merged on top of their fetches: a request takes another's answer only by
  // having each of that answer's fetches recorded as its own, which the fetches' merging knows.
  const requestFetches = inFlightFetches && new RequestFetches();
  const inFlightRequests =
    inFlightFetches && new InFlightRequests<MergedResponse>({ onMerged: observability.countMergedRequest });
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) => {
      const agency = new AgencyDataSource(name, options.subgraphUrls[name] ?? url!, signGatewayToken, subgraphFetchers);
      if (!inFlightFetches) return agency;
      return new DeduplicatingDataSource(
        name,
        agency,
        inFlightFetches,
        ({ request }, contexts, copyOf) => agency.recordMergedReads(request, contexts, copyOf),
        requestFetches,
      );
    },
    logger: {
      debug: () => {},
      info: (message) => logger.info(String(message)),
      warn: (message) => logger.warn(String(message)),
      error: (message) => logger.error(String(message)),
    },
  });
  const { limits } = options;
  const queryLimits = createQueryLimits(limits.queryLimits, options.production);
  const manifest = readOperationManifest(limits.trustedOperations.manifestPath);
  const rateLimiter = await createRateLimiter({ ...limits.rateLimit, logger });
  const refusalLimiter = await createRefusalRateLimiter(limits.rateLimit, logger);
  const responseCache = await createResponseCache({
    ...(options.responseCache ?? { ttlSeconds: 0 }),
    logger,
    onEvent: observability.countResponseCacheEvent,
  });
  observability.observeRedis(() => ({ rate_limits: rateLimiter.redisUp(), response_cache: responseCache.redisUp() }));
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    // Introspection and field suggestions would hand the schema to anyone probing production;
    // an operator who enables the playground there opens introspection to signed-in callers.
    introspection: !options.production || options.playground?.enabled === true,
    validationRules: queryLimits.validationRules,
    parseOptions: queryLimits.parseOptions,
    // Only the published operations may be sent by id; clients cannot register their own.
    persistedQueries: manifestPersistedQueries(manifest),
    // Shutdown order (HTTP, then Apollo, then the database) is ours: see onShutdown.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      // First: every plugin after it, and the subgraph fetches, know which published operation runs.
      publishedOperationPlugin(manifest),
      operationResolutionPlugin(),
      persistedQueryMismatchPlugin(),
      ...queryLimits.plugins,
      trustedOperations({ manifest, enforce: limits.trustedOperations.enforce, mayQueryAdHoc: callerMayQueryAdHoc }),
      ...observability.plugins,
      // After the limits: a request the plugins above refuse never reaches the cache.
      responseCache.plugin,
      // Last: only a request that would run waits for an identical one.
      ...(inFlightRequests && requestFetches ? [mergedRequestsPlugin(inFlightRequests, requestFetches)] : []),
    ],
    includeStacktraceInErrorResponses: options.stackTraces ?? false,
    stringifyResult: stringifyOnce,
    formatError: createFormatError({
      production: options.production,
      onUnexpected: (error) => logger.error('unexpected gateway error', describeError(error)),
    }),
  });
  let supergraphLoaded = false;
  let apiSchema: GraphQLSchema | undefined;
  gateway.onSchemaLoadOrUpdate((update) => {
    supergraphLoaded = true;
    apiSchema = update.apiSchema;
  });
  await apollo.start();
  // One gate for every route that answers with data: /graphql and /csv.
  const refusalsByAddress = { limiter: refusalLimiter, trustedProxies: trustedProxiesOf(limits.trustedProxies) };
  const requestContext = limitRefusalsByAddress(refusalsByAddress, async (request): Promise<GatewayContext> => {
    const caller = await verifyUserToken(request);
    const purpose = declaredPurpose(request, caller);
    const dataSubject = declaredDataSubject(request, purpose);
    await admitOrRefuse(rateLimiter, caller.subject);
    return { requestId: requestIdOf(request), caller, purpose, dataSubject, publishedOperation: null };
  });
  const exportTable = createCsvExporter({
    apollo,
    apiSchema: () => apiSchema,
    maxRows: CSV_MAX_ROWS,
    admitFurtherPage: (context) => admitOrRefuse(rateLimiter, context.caller.subject),
  });
  const http = await startHttpService({
    host: options.host,
    port: options.port,
    portVariable: 'GATEWAY_PORT',
    graphqlPath: '/graphql',
    // Outermost: the request id and trace id are fixed before anything else logs.
    graphql: observability.scopeRequests(
      withCors(
        limits.corsOrigins,
        createGraphqlHttpHandler({
          apollo,
          bodyLimitBytes: 1024 * 1024,
          context: requestContext,
        }),
      ),
    ),
    routes: {
      ...playground.routes,
      '/health': healthRoute('gateway'),
      [CSV_PATH]: observability.scopeRequests(
        csvRoute({ operations: () => manifest.operations, context: requestContext, exportTable }),
      ),
    },
    internalRoutes: observability.routes,
    internalListener: options.metricsListener,
    prefixRoutes: playground.prefixRoutes,
    readiness: gatewayReadinessChecks({ supergraphLoaded: () => supergraphLoaded, subgraphUrls: options.subgraphUrls }),
    shutdownGraceMs: options.shutdownGraceMs,
    limits: options.httpServer,
    onError: (error) => logger.error('http handler failed', describeError(error)),
  });
  logger.info('gateway listening', { url: http.url, metrics: http.internalUrl, subgraphs: options.subgraphUrls });
  return {
    ...http,
    async close() {
      await http.close();
      await apollo.stop();
      await rateLimiter.close();
      await refusalLimiter.close();
      await subgraphFetchers.close();
      await responseCache.close();
    },
  };
}
