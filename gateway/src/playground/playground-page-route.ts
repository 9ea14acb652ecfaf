import { join } from 'node:path';
import type { RouteHandler } from '@jembatan/kit/http';
import { getOrHeadOnly } from './get-or-head-only';
import { sendNotBuiltPage } from './not-built-page';
import { sendStaticFile } from './send-static-file';

/**
 * The playground's page. Read on every request, so a rebuilt bundle is served without a
 * restart; `no-cache` makes browsers revalidate it (a 304 when unchanged), so they always
 * load the asset names of the current build.
 */
export function playgroundPageRoute(distDir: string): RouteHandler {
  return async (request, response) => {
    if (!getOrHeadOnly(request, response)) return;
    const sent = await sendStaticFile(request, response, join(distDir, 'index.html'), 'no-cache');
    if (!sent) sendNotBuiltPage(response);
  };
}
