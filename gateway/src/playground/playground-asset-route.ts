import { join } from 'node:path';
import { sendJsonError, type RouteHandler } from '@jembatan/kit/http';
import { getOrHeadOnly } from './get-or-head-only';
import { PLAYGROUND_ASSETS_PREFIX } from './playground-paths';
import { sendStaticFile } from './send-static-file';

/**
 * A bundled file's name, as vite writes them (`index-CQCPRJbi.js`): no slash, no leading dot,
 * nothing percent-encoded. Any other name is refused before the file system is asked, so no
 * path can climb out of the assets folder.
 */
const ASSET_NAME = /^[A-Za-z0-9][\w.-]*$/;
/** Every name carries a hash of its content: a year's caching, never revalidated. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** The bundle's scripts, styles, fonts and Monaco workers, under PLAYGROUND_ASSETS_PREFIX. */
export function playgroundAssetRoute(distDir: string): RouteHandler {
  const assetsDir = join(distDir, 'assets');
  return async (request, response) => {
    if (!getOrHeadOnly(request, response)) return;
    const name = new URL(request.url ?? '/', 'http://localhost').pathname.slice(PLAYGROUND_ASSETS_PREFIX.length);
    const sent = ASSET_NAME.test(name) && (await sendStaticFile(request, response, join(assetsDir, name), IMMUTABLE));
    if (!sent) sendJsonError(response, 404, 'NOT_FOUND', 'No such playground asset');
  };
}
