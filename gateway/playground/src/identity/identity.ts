import type { PlaygroundSettings } from '../playground-settings';

/**
 * Who the page sends requests as: a development role, for which the gateway mints a token, or
 * a token the user pasted from the identity provider. Either way with a declared purpose.
 */
export type Identity =
  | { kind: 'development'; role: string; purpose: string | null }
  | { kind: 'pasted'; token: string; purpose: string | null };

/** The role analysts use: aggregates and the unit directory, for statistics. */
const DEFAULT_ROLE = 'analyst';
const REMEMBERED = 'jembatan-playground:identity';

/** The purposes the page offers for an identity; a pasted token's roles are unknown to it. */
export function purposesFor(identity: Identity, settings: PlaygroundSettings): string[] {
  if (identity.kind === 'pasted') return settings.purposes;
  return settings.developmentTokens?.rolePurposes[identity.role] ?? [];
}

/** The identity the page opens with: the role and purpose chosen last time, if still offered. */
export function initialIdentity(settings: PlaygroundSettings): Identity {
  const rolePurposes = settings.developmentTokens?.rolePurposes;
  if (!rolePurposes) return { kind: 'pasted', token: '', purpose: null };
  const remembered = recall();
  if (remembered && rolePurposes[remembered.role]) {
    const allowed = rolePurposes[remembered.role] ?? [];
    return { kind: 'development', role: remembered.role, purpose: allowedOrNull(remembered.purpose, allowed) };
  }
  const role = rolePurposes[DEFAULT_ROLE] ? DEFAULT_ROLE : (Object.keys(rolePurposes)[0] ?? DEFAULT_ROLE);
  return { kind: 'development', role, purpose: rolePurposes[role]?.[0] ?? null };
}

/** Remembers a development role and purpose (never a token) for the next visit. */
export function remember(identity: Identity): void {
  if (identity.kind !== 'development') return;
  localStorage.setItem(REMEMBERED, JSON.stringify({ role: identity.role, purpose: identity.purpose }));
}

const allowedOrNull = (purpose: string | null, allowed: readonly string[]) =>
  purpose !== null && allowed.includes(purpose) ? purpose : null;

function recall(): { role: string; purpose: string | null } | null {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(REMEMBERED) ?? 'null');
    if (typeof value !== 'object' || value === null) return null;
    const { role, purpose } = value as Record<string, unknown>;
    if (typeof role !== 'string') return null;
    return { role, purpose: typeof purpose === 'string' ? purpose : null };
  } catch {
    return null;
  }
}
