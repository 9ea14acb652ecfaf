import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJsonError } from '@jembatan/kit/http';

/** Refuses anything but GET and HEAD with 405 (and says so in Allow); true when the request may go on. */
export function getOrHeadOnly(request: IncomingMessage, response: ServerResponse): boolean {
  if (request.method === 'GET' || request.method === 'HEAD') return true;
  sendJsonError(response, 405, 'BAD_REQUEST', 'This playground resource answers GET and HEAD only', {
    allow: 'GET, HEAD',
  });
  return false;
}
