import type { RouteHandler } from './route-handler';

/** Liveness: the process answers HTTP. It touches no dependency, so a slow database never fails it. */
export function healthRoute(service: string): RouteHandler {
  return (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    response.end(JSON.stringify({ status: 'ok', service }));
  };
}
