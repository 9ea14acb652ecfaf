import type { ApolloServerPlugin } from '@apollo/server';
import { appendAuditEntry } from '../audit/audit-entry';
import type { RequestContext } from '../context';
import type { Database } from '../db/database';
import { describeError, type Logger } from '../log';

/**
 * Writes one audit record per request that read personal data, before the answer leaves: if
 * the record cannot be written, the personal data is not sent either (UU 27/2022 Pasal 31: every
 * processing is recorded).
 */
export function auditTrailPlugin(database: Database, logger: Logger): ApolloServerPlugin<RequestContext<unknown>> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const read = contextValue.accessRecorder.summary();
          if (!read) return;
          try {
            await appendAuditEntry(database, {
              callerSubject: contextValue.caller.subject,
              callerAgency: contextValue.caller.agency,
              callerRoles: contextValue.caller.roles,
              purpose: contextValue.purpose,
              operationName: contextValue.operationName,
              requestId: contextValue.requestId,
              dataSubject: contextValue.dataSubject ?? null,
              ...read,
            });
          } catch (error) {
            logger.error('audit record not written; answer withheld', {
              requestId: contextValue.requestId,
              ...describeError(error),
            });
            response.http.status = 500;
            response.body = {
              kind: 'single',
              singleResult: {
                errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
              },
            };
          }
        },
      };
    },
  };
}
