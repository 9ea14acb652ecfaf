import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import {
  createFormatError,
  createGraphqlHttpHandler,
  describeError,
  healthRoute,
  requestIdOf,
  startHttpService,
  type HttpService,
  type Logger,
} from '@jembatan/kit';

export interface GatewayOptions {
  supergraphSdl: string;
  subgraphUrls: Record<string, string>;
  host: string;
  port: number;
  production: boolean;
  logger: Logger;
}

export interface GatewayContext {
  requestId: string;
}

/** Forwards the request id so one request can be followed through every agency's logs. */
class AgencyDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({
    request,
    context,
  }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['willSendRequest']>>[0]) {
    if (context.requestId) request.http?.headers.set('x-request-id', context.requestId);
  }
}

/**
 * The supergraph gateway: plans each query across the agencies' subgraphs from a static,
 * committed supergraph, so it starts without the subgraphs being up.
 */
export async function startGateway(options: GatewayOptions): Promise<HttpService> {
  const { logger } = options;
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) => new AgencyDataSource({ url: options.subgraphUrls[name] ?? url }),
    logger: {
      debug: () => {},
      info: (message) => logger.info(String(message)),
      warn: (message) => logger.warn(String(message)),
      error: (message) => logger.error(String(message)),
    },
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    // Shutdown order (HTTP, then Apollo, then the database) is ours: see onShutdown.
    stopOnTerminationSignals: false,
    plugins: [ApolloServerPluginLandingPageDisabled()],
    includeStacktraceInErrorResponses: !options.production,
    formatError: createFormatError({
      production: options.production,
      onUnexpected: (error) => logger.error('unexpected gateway error', describeError(error)),
    }),
  });
  await apollo.start();
  const http = await startHttpService({
    host: options.host,
    port: options.port,
    graphqlPath: '/graphql',
    graphql: createGraphqlHttpHandler({
      apollo,
      bodyLimitBytes: 1024 * 1024,
      context: async (request) => ({ requestId: requestIdOf(request) }),
    }),
    routes: {
      '/health': healthRoute('gateway'),
    },
    onError: (error) => logger.error('http handler failed', describeError(error)),
  });
  logger.info('gateway listening', { url: http.url, subgraphs: options.subgraphUrls });
  return {
    ...http,
    async close() {
      await http.close();
      await apollo.stop();
    },
  };
}
