/** Where the gateway says how this page may authenticate; answered beside the page itself. */
export const SETTINGS_PATH = '/playground/settings.json';

/** What the gateway serving the page tells it (see gateway/src/playground/settings-route.ts). */
export interface PlaygroundSettings {
  graphqlPath: string;
  /** Where the gateway exports a saved operation's table as CSV (`GET /csv?operation=…`). */
  csvPath: string;
  /** Every purpose of access the gateway knows, for a pasted token whose roles the page cannot see. */
  purposes: string[];
  /** What each role and purpose is for, in the words of the kit's roles.ts. */
  descriptions: { roles: Record<string, string>; purposes: Record<string, string> };
  /**
   * Present in development only: where the page gets a short-lived token for a role, and which
   * purposes each role may declare. Absent in production, where a real identity provider issues
   * tokens and the user pastes theirs.
   */
  developmentTokens: { path: string; rolePurposes: Record<string, string[]> } | null;
}

const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

const isStringRecord = (value: unknown): value is Record<string, string> =>
  typeof value === 'object' && value !== null && Object.values(value).every((item) => typeof item === 'string');

function areDescriptions(value: unknown): value is PlaygroundSettings['descriptions'] {
  if (typeof value !== 'object' || value === null) return false;
  const { roles, purposes } = value as Record<string, unknown>;
  return isStringRecord(roles) && isStringRecord(purposes);
}

function isSettings(value: unknown): value is PlaygroundSettings {
  if (typeof value !== 'object' || value === null) return false;
  const { graphqlPath, csvPath, purposes, descriptions, developmentTokens } = value as Record<string, unknown>;
  if (typeof graphqlPath !== 'string' || typeof csvPath !== 'string') return false;
  if (!isStringArray(purposes) || !areDescriptions(descriptions)) return false;
  if (developmentTokens === null) return true;
  if (typeof developmentTokens !== 'object' || developmentTokens === undefined) return false;
  const { path, rolePurposes } = developmentTokens as Record<string, unknown>;
  return (
    typeof path === 'string' &&
    typeof rolePurposes === 'object' &&
    rolePurposes !== null &&
    Object.values(rolePurposes).every(isStringArray)
  );
}

export async function loadPlaygroundSettings(): Promise<PlaygroundSettings> {
  const response = await fetch(SETTINGS_PATH, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`${SETTINGS_PATH} answered ${response.status}`);
  const settings: unknown = await response.json();
  if (!isSettings(settings)) throw new Error(`${SETTINGS_PATH} is not what this page understands`);
  return settings;
}
