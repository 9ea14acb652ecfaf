import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpService } from '@jembatan/kit';
import { PLAYGROUND_CSP } from '../content-security-policy';
import { rawGet, servePlayground } from './serve-playground';
import { testDataFolder } from '@jembatan/kit/testing';

const PAGE =
  '<!doctype html><title>playground</title><script type="module" src="/playground/assets/index-Ab12.js"></script>';
const SCRIPT = `console.log(${JSON.stringify('x'.repeat(4000))});`;
const SECRET = 'must never be served';

describe('the playground page and its assets', () => {
  const root = testDataFolder('playground');
  const dist = join(root, 'dist');
  let service: HttpService;
  let origin: string;
  let handlerErrors: unknown[];
  beforeAll(async () => {
    mkdirSync(join(dist, 'assets', 'nested'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), PAGE);
    writeFileSync(join(dist, 'assets', 'index-Ab12.js'), SCRIPT);
    writeFileSync(join(dist, 'assets', 'index-Ab12.js.gz'), gzipSync(SCRIPT));
    writeFileSync(join(dist, 'assets', 'index-Cd34.css'), 'body { margin: 0 }');
    writeFileSync(join(dist, 'assets', 'codicon-Ef56.ttf'), Buffer.from([0, 1, 0, 0]));
    writeFileSync(join(dist, 'assets', '.env'), SECRET);
    writeFileSync(join(dist, 'secret.txt'), SECRET);
    writeFileSync(join(root, 'outside.txt'), SECRET);
    ({ service, origin, handlerErrors } = await servePlayground({ enabled: true, distDir: dist }));
  });
  afterAll(async () => {
    await service.close();
    rmSync(root, { recursive: true, force: true });
    expect(handlerErrors).toEqual([]);
  });

  it('serves the page at / with a strict CSP, revalidated on every visit', async () => {
    const response = await fetch(`${origin}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(PAGE);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('content-security-policy')).toBe(PLAYGROUND_CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const again = await fetch(`${origin}/`, { headers: { 'if-none-match': response.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });

  it('forbids every origin but its own in the policy', () => {
    const directives: Record<string, string[]> = Object.fromEntries(
      PLAYGROUND_CSP.split('; ').map((directive): [string, string[]] => {
        const [name = '', ...sources] = directive.split(' ');
        return [name, sources];
      }),
    );
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['connect-src']).toEqual(["'self'"]);
    expect(directives['worker-src']).toEqual(["'self'", 'blob:']);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    for (const sources of Object.values(directives)) {
      expect(sources.filter((source) => /^(https?:|\*|[a-z0-9-]+\.[a-z])/i.test(source))).toEqual([]);
    }
  });

  it('answers HEAD with the headers and no body', async () => {
    const response = await fetch(`${origin}/`, { method: 'HEAD', headers: { 'accept-encoding': 'identity' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength(PAGE)));
    expect(await response.text()).toBe('');
  });

  it.each([
    ['index-Ab12.js', 'text/javascript; charset=utf-8'],
    ['index-Cd34.css', 'text/css; charset=utf-8'],
    ['codicon-Ef56.ttf', 'font/ttf'],
  ])('serves the hashed asset %s as %s, cached for a year', async (name, contentType) => {
    const response = await fetch(`${origin}/playground/assets/${name}`, { headers: { 'accept-encoding': 'identity' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(contentType);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('content-security-policy')).toBe(PLAYGROUND_CSP);
    expect(response.headers.get('content-encoding')).toBeNull();
  });

  it('serves the gzip the build wrote to clients that take it, and not to those that refuse it', async () => {
    const gzipped = await rawGet(origin, '/playground/assets/index-Ab12.js', { 'accept-encoding': 'br, gzip' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers.vary).toBe('accept-encoding');
    expect(gunzipSync(gzipped.raw).toString()).toBe(SCRIPT);
    expect(gzipped.raw.length).toBeLessThan(SCRIPT.length / 10);
    const refused = await rawGet(origin, '/playground/assets/index-Ab12.js', { 'accept-encoding': 'gzip;q=0' });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.body).toBe(SCRIPT);
  });

  it.each([
    '/playground/assets/index-Zz99.js',
    '/playground/assets/nested',
    '/playground/assets/',
    '/playground/assets/.env',
    '/playground/assets/%2e%2e/secret.txt',
    '/playground/assets/..%2fsecret.txt',
    '/playground/assets/..%2f..%2foutside.txt',
    '/playground/assets/%2e%2e%2f%2e%2e%2foutside.txt',
    '/playground/assets/..\\..\\outside.txt',
    '/playground/assets/../secret.txt',
    '/playground/assets/../../outside.txt',
    '/playground/secret.txt',
    '/secret.txt',
    '/index.html',
  ])('answers %s with 404 and nothing from the disk', async (path) => {
    const response = await rawGet(origin, path);
    expect(response.status).toBe(404);
    expect(response.body).not.toContain(SECRET);
  });

  it.each([
    ['POST', '/'],
    ['PUT', '/playground/assets/index-Ab12.js'],
    ['DELETE', '/playground/settings.json'],
  ])('refuses %s %s with 405', async (method, path) => {
    const response = await fetch(`${origin}${path}`, { method });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
    expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'BAD_REQUEST' } }] });
  });
});

describe('the playground before its bundle is built', () => {
  const empty = testDataFolder('playground-unbuilt');
  let service: HttpService;
  let origin: string;
  beforeAll(async () => ({ service, origin } = await servePlayground({ enabled: true, distDir: join(empty, 'dist') })));
  afterAll(async () => {
    await service.close();
    rmSync(empty, { recursive: true, force: true });
  });

  it('answers / with 503 and how to build it', async () => {
    const response = await fetch(`${origin}/`);
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(PLAYGROUND_CSP);
    expect(await response.text()).toContain('pnpm --filter @jembatan/playground build');
  });

  it('answers an asset with 404', async () => {
    expect((await fetch(`${origin}/playground/assets/index-Ab12.js`)).status).toBe(404);
  });
});
