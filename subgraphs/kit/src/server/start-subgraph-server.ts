import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import {
  AUDIT_COPY_PATH,
  createGatewayTokenVerifier,
  GATEWAY_TOKEN_HEADER,
  InvalidGatewayTokenError,
} from '../access/internal-token';
import type { JsonWebKeySet } from '../access/key-files';
import { LocalReplayGuard, type ReplayGuard } from '../access/replay-guard';
import type { AccessPolicy } from '../access/access-policy';
import { AccessRecorder } from '../access/access-recorder';
import { enforceAccessPolicy } from '../access/enforce-access-policy';
import { compileAccessPolicy } from '../access/field-access';
import { accessPolicyFileOf, describePolicyGaps } from '../access/policy-gap-report';
import { findPolicyGaps } from '../access/policy-gaps';
import { WithheldFields } from '../access/withheld-fields';
import { withheldFieldsPlugin } from '../access/withheld-fields-plugin';
import { GroupedAuditAppends } from '../audit/grouped-audit-appends';
import { RecentReads } from '../audit/recent-reads';
import { auditCopyRoute } from './audit-copy-route';
import { auditTrailPlugin } from './audit-trail-plugin';
import { compiledExecution, type GraphqlExecution } from './compiled-execution';
import { cacheHintsPlugins } from './cache-hints-plugins';
import { createSubgraphObservability } from '../observability/subgraph-observability';
import type { RequestContext } from '../context';
import type { EventFlow } from '../events/start-event-flow';
import type { Database } from '../db/database';
import type { HttpServerLimits } from '../config/http-server-config';
import { createFormatError } from '../errors';
import { describeError, type Logger } from '../log';
import { createGraphqlHttpHandler } from './graphql-http-handler';
import { stringifyCompactly } from './compact-result';
import { healthRoute } from './health-route';
import type { InternalListener } from './internal-listener';
import { RequestRejectedError } from './request-rejected';
import { startHttpService, type HttpService } from './http-service';
import { subgraphReadinessChecks } from './subgraph-readiness';

export interface SubgraphServerOptions<TLoaders> {
  name: string;
  /** The variable that sets the port (`WORKFORCE_PORT`), named when the port cannot be bound. */
  portVariable?: string;
  /** Stack traces in error answers (DEBUG_ERRORS=stack); off when absent. */
  stackTraces?: boolean;
  /** Operations compiled once each (the default), or run by graphql-js as Apollo Server does by itself. */
  execution?: GraphqlExecution;
  schema: GraphQLSchema;
  /** Enforced on every field of the schema, on every path. */
  accessPolicy: AccessPolicy<string>;
  database: Database;
  /** Builds fresh DataLoaders for one request; never share them across requests. */
  createLoaders: (database: Database) => TLoaders;
  host: string;
  port: number;
  production: boolean;
  logger: Logger;
  /** The gateway's public keys: every request must carry a token the gateway signed for this subgraph. */
  gatewayKeys: JsonWebKeySet;
  /**
   * Remembers the gateway tokens already used (closed with the server): shared by the replicas
   * through Redis when configured; this replica's memory when absent.
   */
  replayGuard?: ReplayGuard;
  bodyLimitBytes?: number;
  /**
   * False only in the benchmark that measures what the audit trail costs: no configuration
   * variable reaches it, so a deployed service always records.
   */
  recordAccess?: boolean;
  /** How long a stop lets requests in flight finish (SHUTDOWN_GRACE_MS); the HTTP service's default when absent. */
  shutdownGraceMs?: number;
  /** Header and request timeouts and the connection cap (HTTP_*); the HTTP service's defaults when absent. */
  httpServer?: HttpServerLimits;
  /** The event machinery's routes, readiness checks and metrics, when the service runs one. */
  events?: Pick<EventFlow, 'routes' | 'readiness' | 'observe'>;
  /** Where `/metrics` listens apart from the public port; on the public port when absent. */
  metricsListener?: InternalListener;
}

export interface SubgraphServer extends HttpService {
  readonly name: string;
}

/** Starts one agency subgraph: Apollo Server with our error masking, over our HTTP layer. */
export async function startSubgraphServer<TLoaders>(options: SubgraphServerOptions<TLoaders>): Promise<SubgraphServer> {
  const { logger } = options;
  const policy = compileAccessPolicy(options.schema, options.accessPolicy);
  // In development, a field added to the schema but to no policy group is said at start, once,
  // rather than discovered as a FORBIDDEN for every role with nothing in the log.
  if (!options.production) {
    const gaps = findPolicyGaps(options.schema, options.accessPolicy);
    for (const problem of describePolicyGaps(gaps, options.accessPolicy, accessPolicyFileOf(options.name))) {
      logger.warn('access policy gap', { problem });
    }
  }
  const replayGuard = options.replayGuard ?? new LocalReplayGuard();
  const observability = createSubgraphObservability({
    service: options.name,
    logger,
    database: options.database,
    replayGuardShared: () => replayGuard.shared(),
  });
  options.events?.observe(observability.registry);
  const recording = options.recordAccess !== false;
  const recentReads = new RecentReads();
  const auditAppends = new GroupedAuditAppends(options.database);
  const schema = enforceAccessPolicy(options.schema, options.accessPolicy, policy);
  const apollo = new ApolloServer<RequestContext<TLoaders>>({
    ...(options.execution === 'graphql-js' ? { schema } : { gateway: compiledExecution(schema) }),
    // Shutdown order (HTTP, then Apollo, then the database) is ours: see onShutdown.
    stopOnTerminationSignals: false,
    // Inline (ftv1) traces are for Apollo's hosted studio; they must never reach clients.
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      // Before the plugins that read the errors sent (audit, metrics, request log).
      withheldFieldsPlugin(),
      ...cacheHintsPlugins(),
      ...(recording ? [auditTrailPlugin(auditAppends, logger, recentReads)] : []),
      ...observability.plugins,
    ],
    includeStacktraceInErrorResponses: options.stackTraces ?? false,
    stringifyResult: stringifyCompactly,
    formatError: createFormatError({
      production: options.production,
      onUnexpected: (error) => logger.error('unexpected resolver error', describeError(error)),
    }),
  });
  await apollo.start();

  const verifyGatewayToken = createGatewayTokenVerifier(options.name, options.gatewayKeys, replayGuard);
  const bodyLimitBytes = options.bodyLimitBytes ?? 8 * 1024 * 1024;
  const graphql = createGraphqlHttpHandler({
    apollo,
    bodyLimitBytes,
    context: async (request, body) => {
      const header = request.headers[GATEWAY_TOKEN_HEADER];
      let forwarded;
      try {
        forwarded = await verifyGatewayToken(typeof header === 'string' ? header : undefined, body);
      } catch (error) {
        if (!(error instanceof InvalidGatewayTokenError)) throw error;
        // The reason goes to our log only: a prober learns nothing about what it got wrong.
        logger.warn('request refused: no valid gateway token', { reason: error.message });
        throw new RequestRejectedError(401, 'UNAUTHENTICATED', 'This service answers only the Jembatan gateway');
      }
      return {
        ...forwarded,
        access: policy.accessFor(forwarded.caller.roles, forwarded.purpose),
        writes: policy.writesFor(forwarded.caller.roles, forwarded.purpose),
        service: options.name,
        accessRecorder: new AccessRecorder(),
        withheldFields: new WithheldFields((coordinate) => ({
          roles: forwarded.caller.roles,
          purpose: forwarded.purpose,
          grantingPurposes: policy.purposesGranting(forwarded.caller.roles, coordinate),
        })),
        loaders: options.createLoaders(options.database),
        database: options.database,
      };
    },
  });
  const http = await startHttpService({
    host: options.host,
    port: options.port,
    portVariable: options.portVariable,
    graphqlPath: '/graphql',
    graphql: observability.scopeRequests(graphql),
    routes: {
      ...options.events?.routes,
      '/health': healthRoute(options.name),
      ...(recording && {
        [AUDIT_COPY_PATH]: auditCopyRoute({
          appends: auditAppends,
          recentReads,
          verifyGatewayToken,
          logger,
          bodyLimitBytes,
        }),
      }),
    },
    internalRoutes: observability.routes,
    internalListener: options.metricsListener,
    readiness: [...subgraphReadinessChecks(options.database), ...(options.events?.readiness ?? [])],
    shutdownGraceMs: options.shutdownGraceMs,
    limits: options.httpServer,
    onError: (error) => logger.error('http handler failed', describeError(error)),
  });
  logger.info('subgraph listening', { url: http.url, metrics: http.internalUrl, engine: options.database.engine });

  return {
    ...http,
    name: options.name,
    async close() {
      await http.close();
      await apollo.stop();
      replayGuard.close();
    },
  };
}
