/** Where the gateway serves the playground: the page at the root, everything else beside it. */
export const PLAYGROUND_PAGE_PATH = '/';
export const PLAYGROUND_ASSETS_PREFIX = '/playground/assets/';
export const PLAYGROUND_SETTINGS_PATH = '/playground/settings.json';
export const DEVELOPMENT_TOKEN_PATH = '/playground/token';
