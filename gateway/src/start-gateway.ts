import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloGateway } from '@apollo/gateway';
import type { JWK } from 'jose';
import {
  createFormatError,
  createGatewayTokenSigner,
  createGraphqlHttpHandler,
  describeError,
  healthRoute,
  requestIdOf,
  startHttpService,
  type HttpService,
  type Logger,
} from '@jembatan/kit';
import { AgencyDataSource, createUserTokenVerifier, declaredPurpose, type UserTokenSettings } from './auth';
import type { GatewayContext } from './context';

export interface GatewayOptions {
  supergraphSdl: string;
  subgraphUrls: Record<string, string>;
  host: string;
  port: number;
  production: boolean;
  logger: Logger;
  /** How user tokens are verified. */
  auth: UserTokenSettings;
  /** The private key for the tokens the gateway forwards to the subgraphs. */
  signingKey: JWK;
}

/**
 * The supergraph gateway: plans each query across the agencies' subgraphs from a static,
 * committed supergraph, so it starts without the subgraphs being up.
 */
export async function startGateway(options: GatewayOptions): Promise<HttpService> {
  const { logger } = options;
  const signGatewayToken = await createGatewayTokenSigner(options.signingKey);
  const verifyUserToken = createUserTokenVerifier(options.auth, (reason) =>
    logger.warn('request refused: invalid user token', { reason }),
  );
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name, url }) => new AgencyDataSource(name, options.subgraphUrls[name] ?? url!, signGatewayToken),
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
      context: async (request): Promise<GatewayContext> => {
        const caller = await verifyUserToken(request);
        return { requestId: requestIdOf(request), caller, purpose: declaredPurpose(request, caller) };
      },
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
