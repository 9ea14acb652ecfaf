import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { acceptsGzip } from './accepts-gzip';
import { PLAYGROUND_SECURITY_HEADERS } from './content-security-policy';
import { contentTypeOf } from './content-types';

async function fileStats(path: string) {
  try {
    const stats = await stat(path);
    return stats.isFile() ? stats : undefined;
  } catch (error) {
    if (['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '')) return undefined;
    throw error;
  }
}

/**
 * Answers a GET or HEAD with a file of the playground bundle: its content type, the playground's
 * security headers and an ETag (304 when the client has it). The build writes `<file>.gz` beside
 * each text file; a client that accepts gzip gets that one, so nothing is compressed per request.
 * Returns false, having sent nothing, when there is no such file.
 */
export async function sendStaticFile(
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
  cacheControl: string,
): Promise<boolean> {
  const original = await fileStats(path);
  if (!original) return false;
  const compressed = await fileStats(`${path}.gz`);
  const useGzip = compressed !== undefined && acceptsGzip(request);
  const served = useGzip ? compressed : original;
  const etag = `"${served.size.toString(36)}-${Math.floor(served.mtimeMs).toString(36)}${useGzip ? '-gz' : ''}"`;
  const headers = {
    ...PLAYGROUND_SECURITY_HEADERS,
    'content-type': contentTypeOf(path),
    'cache-control': cacheControl,
    etag,
    ...(compressed && { vary: 'accept-encoding' }),
  };
  if (request.headers['if-none-match'] === etag) {
    response.writeHead(304, headers).end();
    return true;
  }
  const body = await readFile(useGzip ? `${path}.gz` : path);
  response.writeHead(200, {
    ...headers,
    'content-length': String(body.length),
    ...(useGzip && { 'content-encoding': 'gzip' }),
  });
  response.end(request.method === 'HEAD' ? undefined : body);
  return true;
}
