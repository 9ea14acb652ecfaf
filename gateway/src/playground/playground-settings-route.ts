import { PURPOSE_DESCRIPTIONS, PURPOSES, ROLE_DESCRIPTIONS, ROLE_PURPOSES } from '@jembatan/kit/access';
import type { RouteHandler } from '@jembatan/kit/http';
import { PLAYGROUND_SECURITY_HEADERS } from './content-security-policy';
import { getOrHeadOnly } from './get-or-head-only';
import { DEVELOPMENT_TOKEN_PATH } from './playground-paths';

/**
 * What the page needs to know about this gateway: where GraphQL and the CSV export are, the
 * purposes of access, what each role and purpose is for (the words the access policies are
 * written against), and, in development only, where to get a token for a role and which purposes
 * each may declare. The page carries none of this itself, so it always matches the gateway serving it.
 */
export function playgroundSettingsRoute(options: {
  graphqlPath: string;
  csvPath: string;
  developmentTokens: boolean;
}): RouteHandler {
  const body = JSON.stringify({
    graphqlPath: options.graphqlPath,
    csvPath: options.csvPath,
    purposes: PURPOSES,
    descriptions: { roles: ROLE_DESCRIPTIONS, purposes: PURPOSE_DESCRIPTIONS },
    developmentTokens: options.developmentTokens ? { path: DEVELOPMENT_TOKEN_PATH, rolePurposes: ROLE_PURPOSES } : null,
  });
  return (request, response) => {
    if (!getOrHeadOnly(request, response)) return;
    response.writeHead(200, {
      ...PLAYGROUND_SECURITY_HEADERS,
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  };
}
