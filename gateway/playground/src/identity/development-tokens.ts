/** A token is renewed this long before it expires, so no request leaves with one about to lapse. */
const RENEW_BEFORE_MS = 60_000;

/** Why the page could not get a token: the gateway's own error code and message. */
export class TokenUnavailableError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

interface IssuedToken {
  token: string;
  expiresAt: number;
}

async function requestToken(path: string, role: string, purpose: string | null): Promise<IssuedToken> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ role, purpose }),
  });
  const body = (await response.json().catch(() => null)) as {
    token?: unknown;
    expiresAt?: unknown;
    errors?: { message?: unknown; extensions?: { code?: unknown } }[];
  } | null;
  if (!response.ok || typeof body?.token !== 'string' || typeof body.expiresAt !== 'string') {
    const error = body?.errors?.[0];
    throw new TokenUnavailableError(
      `No development token for ${role}: ${typeof error?.message === 'string' ? error.message : `HTTP ${response.status}`}`,
      typeof error?.extensions?.code === 'string' ? error.extensions.code : 'UNAUTHENTICATED',
    );
  }
  return { token: body.token, expiresAt: Date.parse(body.expiresAt) };
}

/**
 * Short-lived development tokens from the gateway, one per role, reused until shortly before
 * they expire. Requests made at once (introspection and a query) share one token request.
 */
export function developmentTokens(path: string) {
  const issued = new Map<string, Promise<IssuedToken>>();
  const fresh = (token: IssuedToken | null) => token !== null && token.expiresAt - Date.now() > RENEW_BEFORE_MS;
  return async (role: string, purpose: string | null): Promise<string> => {
    const cached = issued.get(role);
    if (cached) {
      const token = await cached.catch(() => null);
      if (token && fresh(token)) return token.token;
    }
    // Another caller waiting on the same stale token may have asked for the next one already.
    const latest = issued.get(role);
    if (latest && latest !== cached) return (await latest).token;
    const request = requestToken(path, role, purpose);
    issued.set(role, request);
    try {
      return (await request).token;
    } catch (error) {
      if (issued.get(role) === request) issued.delete(role);
      throw error;
    }
  };
}

export type DevelopmentTokens = ReturnType<typeof developmentTokens>;
