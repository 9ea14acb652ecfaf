import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Registry } from 'prom-client';

/**
 * `GET /metrics` in the Prometheus text format. Collectors that read live state (the database
 * pool, circuit breakers) run now, at scrape time. The series carry operation names and error
 * codes, never request data, but they do describe the service: expose the port to the scraper's
 * network only.
 */
export function metricsRoute(registry: Registry) {
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' });
      response.end();
      return;
    }
    const body = await registry.metrics();
    response.writeHead(200, { 'content-type': registry.contentType });
    response.end(request.method === 'HEAD' ? undefined : body);
  };
}
