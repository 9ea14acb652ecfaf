import type { RouteHandler } from '@jembatan/kit/http';
import { CSV_PATH } from '../csv/csv-route';
import { developmentTokenRoute } from './development-token-route';
import type { DevelopmentTokenMinter } from './development-token-minter';
import { PLAYGROUND_DIST_DIR } from './playground-bundle';
import { playgroundAssetRoute } from './playground-asset-route';
import { playgroundPageRoute } from './playground-page-route';
import {
  DEVELOPMENT_TOKEN_PATH,
  PLAYGROUND_ASSETS_PREFIX,
  PLAYGROUND_PAGE_PATH,
  PLAYGROUND_SETTINGS_PATH,
} from './playground-paths';
import { playgroundSettingsRoute } from './playground-settings-route';

export interface PlaygroundOptions {
  /** Serve the playground at all (PLAYGROUND; on in development, off in production). */
  enabled: boolean;
  /** The built page; gateway/playground/dist by default. */
  distDir?: string;
  /** Mints the development tokens of POST /playground/token; absent, the page takes pasted tokens. */
  mintDevelopmentToken?: DevelopmentTokenMinter;
}

export interface PlaygroundRoutes {
  routes: Record<string, RouteHandler>;
  prefixRoutes: Record<string, RouteHandler>;
}

/** The playground's endpoints: none when it is disabled, and never a token endpoint in production. */
export function playgroundRoutes(
  options: PlaygroundOptions | undefined,
  gateway: { production: boolean; graphqlPath: string },
): PlaygroundRoutes {
  if (!options?.enabled) return { routes: {}, prefixRoutes: {} };
  const mint = options.mintDevelopmentToken;
  if (gateway.production && mint) {
    throw new Error('The playground never mints development tokens in production: the identity provider issues them');
  }
  const distDir = options.distDir ?? PLAYGROUND_DIST_DIR;
  return {
    routes: {
      [PLAYGROUND_PAGE_PATH]: playgroundPageRoute(distDir),
      [PLAYGROUND_SETTINGS_PATH]: playgroundSettingsRoute({
        graphqlPath: gateway.graphqlPath,
        csvPath: CSV_PATH,
        developmentTokens: mint !== undefined,
      }),
      ...(mint && { [DEVELOPMENT_TOKEN_PATH]: developmentTokenRoute(mint) }),
    },
    prefixRoutes: { [PLAYGROUND_ASSETS_PREFIX]: playgroundAssetRoute(distDir) },
  };
}
