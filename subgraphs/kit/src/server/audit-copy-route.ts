import type { IncomingMessage } from 'node:http';
import { GATEWAY_TOKEN_HEADER, InvalidGatewayTokenError, type VerifiedGatewayRequest } from '../access/internal-token';
import type { AuditEntry } from '../audit/audit-entry';
import type { GroupedAuditAppends } from '../audit/grouped-audit-appends';
import type { RecentReads } from '../audit/recent-reads';
import { describeError, type Logger } from '../log';
import { PayloadTooLargeError, readBody } from './read-body';
import type { RouteHandler } from './route-handler';
import { sendJsonError } from './send-json-error';

export interface AuditCopyRouteOptions {
  /** Where the copies are appended: with the other requests' records (GroupedAuditAppends). */
  appends: Pick<GroupedAuditAppends, 'appendAll'>;
  recentReads: RecentReads;
  verifyGatewayToken: (token: string | undefined, body: unknown) => Promise<VerifiedGatewayRequest>;
  logger: Logger;
  bodyLimitBytes: number;
}

/** The same caller, agency, roles, purpose, operation and data subject: the one request a copy may stand for. */
function sameRequester(read: AuditEntry, asking: VerifiedGatewayRequest): boolean {
  const roles = (list: readonly string[]) => [...new Set(list)].sort().join(' ');
  return (
    read.callerSubject === asking.caller.subject &&
    read.callerAgency === asking.caller.agency &&
    roles(read.callerRoles) === roles(asking.caller.roles) &&
    read.purpose === asking.purpose &&
    read.operationName === asking.operationName &&
    read.dataSubject === asking.dataSubject
  );
}

async function jsonBody(request: IncomingMessage, limitBytes: number): Promise<unknown> {
  try {
    return JSON.parse(await readBody(request, limitBytes));
  } catch (error) {
    if (error instanceof PayloadTooLargeError) throw error;
    return undefined;
  }
}

/**
 * `POST /audit-copy`: the gateway merged identical fetches of one caller into one, and before a
 * follower's answer leaves it, the agency records the follower's read as its own audit record.
 * The body is the follower's fetch as it would have been sent (query, variables, operationName)
 * plus `copyOf`, the request id of the fetch that was sent; the header carries a gateway token
 * signed for the follower and that same operation. The record copies what the agency recorded
 * for the sent fetch (its subjects and fields) under the follower's request id, or under each id
 * of a token's `copiesFor` (the gateway merged all those requests into the sent one), and only
 * when both are the same caller's, with the same roles, purpose, data subject and operation.
 * 201 when recorded; 404 AUDIT_COPY_UNAVAILABLE when there is no such recent read here (the
 * gateway then sends the fetch itself); 403 AUDIT_COPY_MISMATCH for another requester.
 */
export function auditCopyRoute(options: AuditCopyRouteOptions): RouteHandler {
  return async (request, response) => {
    if (request.method !== 'POST') {
      return sendJsonError(response, 405, 'BAD_REQUEST', 'POST the fetch and its copyOf', { allow: 'POST' });
    }
    let body: unknown;
    try {
      body = await jsonBody(request, options.bodyLimitBytes);
    } catch (error) {
      response.setHeader('connection', 'close');
      return sendJsonError(response, 413, 'PAYLOAD_TOO_LARGE', (error as Error).message);
    }
    const copyOf = (body as { copyOf?: unknown } | undefined)?.copyOf;
    if (typeof copyOf !== 'string' || copyOf === '') {
      return sendJsonError(
        response,
        400,
        'BAD_REQUEST',
        'The body must be JSON with the fetch and a copyOf request id',
      );
    }
    const header = request.headers[GATEWAY_TOKEN_HEADER];
    let asking: VerifiedGatewayRequest;
    try {
      asking = await options.verifyGatewayToken(typeof header === 'string' ? header : undefined, body);
    } catch (error) {
      if (!(error instanceof InvalidGatewayTokenError)) throw error;
      options.logger.warn('audit copy refused: no valid gateway token', { reason: error.message });
      return sendJsonError(response, 401, 'UNAUTHENTICATED', 'This service answers only the Jembatan gateway');
    }
    const read = options.recentReads.find(copyOf, asking.operationDigest);
    if (!read) {
      return sendJsonError(response, 404, 'AUDIT_COPY_UNAVAILABLE', 'No recent audited read of that request here');
    }
    if (!sameRequester(read, asking)) {
      options.logger.warn('audit copy refused: another requester', { requestId: asking.requestId, copyOf });
      return sendJsonError(response, 403, 'AUDIT_COPY_MISMATCH', 'That read was made for another request');
    }
    const requestIds = asking.copiesFor ?? [asking.requestId];
    try {
      await options.appends.appendAll(requestIds.map((requestId) => ({ ...read, requestId })));
    } catch (error) {
      options.logger.error('audit copy not written', { requestId: asking.requestId, ...describeError(error) });
      return sendJsonError(response, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
    }
    response.writeHead(201, { 'content-type': 'application/json; charset=utf-8' });
    response.end(JSON.stringify({ recorded: requestIds.length }));
  };
}
