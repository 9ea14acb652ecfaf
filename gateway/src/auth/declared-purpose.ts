import type { IncomingMessage } from 'node:http';
import {
  isPurpose,
  mayDeclare,
  purposeNotAllowedMessage,
  unknownPurposeMessage,
  type Caller,
  type Purpose,
} from '@jembatan/kit/access';
import { RequestRejectedError } from '@jembatan/kit/http';

export const PURPOSE_HEADER = 'x-purpose';

/**
 * The purpose of access the caller declares for this request (UU 27/2022 Pasal 16). Refused
 * before any agency is asked when it is not a known purpose, or not one the caller's roles may
 * declare; which fields it opens is each agency's decision.
 */
export function declaredPurpose(request: IncomingMessage, caller: Caller): Purpose | null {
  const header = request.headers[PURPOSE_HEADER];
  if (header === undefined || header === '') return null;
  if (!isPurpose(header)) {
    throw new RequestRejectedError(400, 'INVALID_PURPOSE', unknownPurposeMessage(String(header), 'X-Purpose'));
  }
  if (!mayDeclare(caller.roles, header)) {
    throw new RequestRejectedError(403, 'PURPOSE_NOT_ALLOWED', purposeNotAllowedMessage(caller.roles, header));
  }
  return header;
}
