import type { ApolloServerPlugin } from '@apollo/server';
import { AUDITED_READ_HEADER } from '../access/internal-token';
import type { AuditEntry } from '../audit/audit-entry';
import type { GroupedAuditAppends } from '../audit/grouped-audit-appends';
import type { RecentReads } from '../audit/recent-reads';
import type { RequestContext } from '../context';
import { describeError, type Logger } from '../log';

/**
 * Writes one audit record per request that read personal data, before the answer leaves: if
 * the record cannot be written, the personal data is not sent either (UU 27/2022 Pasal 31: every
 * processing is recorded). The records of concurrent requests are committed together
 * (GroupedAuditAppends), each request still waiting for its own. Each record written is remembered for a while in `recentReads`, so
 * that requests the gateway merged into this one get their own copy (auditCopyRoute).
 */
export function auditTrailPlugin(
  appends: Pick<GroupedAuditAppends, 'append'>,
  logger: Logger,
  recentReads?: RecentReads,
): ApolloServerPlugin<RequestContext<unknown>> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const read = contextValue.accessRecorder.summary();
          if (!read) {
            response.http.headers.set(AUDITED_READ_HEADER, 'none');
            return;
          }
          const entry: AuditEntry = {
            callerSubject: contextValue.caller.subject,
            callerAgency: contextValue.caller.agency,
            callerRoles: contextValue.caller.roles,
            purpose: contextValue.purpose,
            operationName: contextValue.operationName,
            requestId: contextValue.requestId,
            dataSubject: contextValue.dataSubject ?? null,
            ...read,
          };
          try {
            await appends.append(entry);
            if (contextValue.operationDigest) recentReads?.remember(contextValue.operationDigest, entry);
            response.http.headers.set(AUDITED_READ_HEADER, 'recorded');
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
