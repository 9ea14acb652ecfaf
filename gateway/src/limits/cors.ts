import type { RouteHandler } from '@jembatan/kit/http';

const ALLOWED_METHODS = 'GET, POST, OPTIONS';
/** What our browser clients send: a JSON body, the user's token, the declared purpose, tracing, and Apollo's CSRF header. */
const ALLOWED_HEADERS =
  'content-type, authorization, x-purpose, x-data-subject, x-request-id, apollo-require-preflight';
/** What a browser script may read back: when to retry after a 429, and the id to quote in a support request. */
const EXPOSED_HEADERS = 'retry-after, x-request-id';
/** Ten minutes of cached preflights: fewer round trips, yet a change to the allow-list reaches browsers soon. */
const PREFLIGHT_MAX_AGE_SECONDS = '600';

/**
 * Lets the browser apps on `allowedOrigins` call the handler, and no other site. Answers
 * preflights itself (204 for an allowed origin, 403 otherwise); on other requests an allowed
 * origin gets Access-Control-Allow-Origin, any other gets no CORS header, so the browser keeps
 * the answer from the page. No credentials header: clients send a bearer token, not cookies.
 * This is not the CSRF defence: Apollo Server's csrfPrevention still refuses simple requests.
 */
export function withCors(allowedOrigins: readonly string[], handler: RouteHandler): RouteHandler {
  const allowed = new Set(allowedOrigins);
  return (request, response) => {
    const origin = request.headers.origin;
    const originAllowed = origin !== undefined && allowed.has(origin);
    // The answer depends on Origin, so no shared cache may hand one origin's answer to another.
    response.setHeader('vary', 'Origin');

    if (request.method === 'OPTIONS') {
      if (origin !== undefined && !originAllowed) {
        response.writeHead(403).end();
        return;
      }
      response.writeHead(204, {
        allow: ALLOWED_METHODS,
        ...(originAllowed && {
          'access-control-allow-origin': origin,
          'access-control-allow-methods': ALLOWED_METHODS,
          'access-control-allow-headers': ALLOWED_HEADERS,
          'access-control-max-age': PREFLIGHT_MAX_AGE_SECONDS,
        }),
      });
      response.end();
      return;
    }

    if (originAllowed) {
      response.setHeader('access-control-allow-origin', origin);
      response.setHeader('access-control-expose-headers', EXPOSED_HEADERS);
    }
    return handler(request, response);
  };
}
