import {
  isPurpose,
  isRole,
  mayDeclare,
  purposeNotAllowedMessage,
  ROLES,
  unknownPurposeMessage,
  type Caller,
} from '@jembatan/kit/access';
import { PayloadTooLargeError, readBody, sendJsonError, type RouteHandler } from '@jembatan/kit/http';
import { PLAYGROUND_SECURITY_HEADERS } from './content-security-policy';
import type { DevelopmentTokenMinter } from './development-token-minter';

/** Short enough that a token copied out of the page is soon worthless; the page renews its own. */
export const DEVELOPMENT_TOKEN_LIFETIME_SECONDS = 15 * 60;
const BODY_LIMIT_BYTES = 4 * 1024;

/**
 * POST `{ "role": "analyst", "purpose": "STATISTICS" }` → `{ token, expiresAt, caller, purpose }`:
 * a short-lived user token for one development role, so the playground needs no copy-pasted
 * token. Development only (playgroundRoutes refuses it in production). The purpose is checked
 * against the role here so the page hears at once what the gateway would refuse later.
 * A JSON body is required: a cross-site page cannot send one without a CORS preflight, which
 * this route never grants, so no other site can have a token minted through a visitor's browser.
 */
export function developmentTokenRoute(mint: DevelopmentTokenMinter): RouteHandler {
  return async (request, response) => {
    if (request.method !== 'POST') {
      return sendJsonError(response, 405, 'BAD_REQUEST', 'POST a JSON body {"role": …, "purpose": …}', {
        allow: 'POST',
      });
    }
    if (!request.headers['content-type']?.startsWith('application/json')) {
      return sendJsonError(response, 400, 'BAD_REQUEST', 'Send the role as JSON (Content-Type: application/json)');
    }
    let body: unknown;
    try {
      body = JSON.parse(await readBody(request, BODY_LIMIT_BYTES));
    } catch (error) {
      if (error instanceof PayloadTooLargeError) {
        response.setHeader('connection', 'close');
        return sendJsonError(response, 413, 'PAYLOAD_TOO_LARGE', error.message);
      }
      if (error instanceof SyntaxError) {
        return sendJsonError(response, 400, 'BAD_REQUEST', 'The request body is not valid JSON');
      }
      throw error;
    }
    const { role, purpose = null } = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    if (!isRole(role)) {
      return sendJsonError(response, 400, 'BAD_USER_INPUT', `role must be one of ${ROLES.join(', ')}`);
    }
    if (purpose !== null && !isPurpose(purpose)) {
      return sendJsonError(response, 400, 'INVALID_PURPOSE', unknownPurposeMessage(String(purpose), 'purpose'));
    }
    if (purpose !== null && !mayDeclare([role], purpose)) {
      return sendJsonError(response, 403, 'PURPOSE_NOT_ALLOWED', purposeNotAllowedMessage([role], purpose));
    }
    const caller: Caller = { subject: `playground-${role}`, agency: 'jembatan-dev', roles: [role] };
    const token = await mint(caller, DEVELOPMENT_TOKEN_LIFETIME_SECONDS);
    const expiresAt = new Date(Date.now() + DEVELOPMENT_TOKEN_LIFETIME_SECONDS * 1000).toISOString();
    response.writeHead(200, {
      ...PLAYGROUND_SECURITY_HEADERS,
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
    });
    response.end(JSON.stringify({ token, expiresAt, caller, purpose }));
  };
}
