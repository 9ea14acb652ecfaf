import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { Logger } from '../../log';
import { requestResultOf, type PublishedOperationOf } from '../request-result';

/**
 * One info line per GraphQL request: the published operation (or `(ad hoc)`), outcome, duration
 * and the error codes sent.
 * Never the variables, the query text (its literals may be a NIK) or any result: those carry
 * personal data. The request and trace ids come from the logger itself (see request-log-fields).
 */
export function requestLogPlugin(
  logger: Logger,
  publishedOperationOf: PublishedOperationOf,
): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse(requestContext) {
          const durationMs = Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10;
          const { operation, outcome, errorCodes } = requestResultOf(requestContext, publishedOperationOf);
          logger.info('graphql request', { operation, outcome, durationMs, errorCodes });
        },
      };
    },
  };
}
