import type { ServerResponse } from 'node:http';
import { PLAYGROUND_SECURITY_HEADERS } from './content-security-policy';

const PAGE = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>Jembatan playground: not built</title></head>
  <body>
    <h1>The playground has not been built</h1>
    <p>This gateway serves the GraphiQL playground from <code>gateway/playground/dist</code>, which does not exist yet.
    Build it once with:</p>
    <pre>pnpm --filter @jembatan/playground build</pre>
    <p><code>pnpm start</code> builds it when it is missing or older than its sources. Then reload this page.</p>
    <p>The GraphQL endpoint itself works meanwhile: <code>POST /graphql</code>.</p>
  </body>
</html>
`;

/** 503 with how to build the bundle: a missing bundle is a setup step, never a crash. */
export function sendNotBuiltPage(response: ServerResponse): void {
  response.writeHead(503, {
    ...PLAYGROUND_SECURITY_HEADERS,
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
  });
  response.end(PAGE);
}
