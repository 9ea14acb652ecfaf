import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { startHttpService, type HttpService } from '@jembatan/kit';
import { playgroundRoutes, type PlaygroundOptions } from '../playground-routes';

/** The playground's routes alone on a loopback port, as startGateway mounts them; handler crashes are kept. */
export async function servePlayground(
  options: PlaygroundOptions | undefined,
  production = false,
): Promise<{ service: HttpService; origin: string; handlerErrors: unknown[] }> {
  const handlerErrors: unknown[] = [];
  const { routes, prefixRoutes } = playgroundRoutes(options, { production, graphqlPath: '/graphql' });
  const service = await startHttpService({
    host: '127.0.0.1',
    port: 0,
    graphqlPath: '/graphql',
    graphql: (_request, response) => void response.writeHead(204).end(),
    routes,
    prefixRoutes,
    onError: (error) => handlerErrors.push(error),
  });
  return { service, origin: `http://127.0.0.1:${service.port}`, handlerErrors };
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** The bytes as sent, still compressed if they were. */
  raw: Buffer;
  body: string;
}

/** GET with the path sent exactly as written (fetch would resolve `..` first) and no Accept-Encoding unless given. */
export function rawGet(origin: string, path: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(origin);
    const request = httpRequest({ hostname, port, path, method: 'GET', headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const raw = Buffer.concat(chunks);
        resolve({ status: response.statusCode ?? 0, headers: response.headers, raw, body: raw.toString('utf8') });
      });
    });
    request.on('error', reject);
    request.end();
  });
}
