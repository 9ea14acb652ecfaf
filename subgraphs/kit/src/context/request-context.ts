/**
 * Who is asking. Today every caller is anonymous; the security work replaces this with the
 * identity the gateway vouches for (subject, roles, agency). Resolvers receive it through the
 * context and never read headers themselves, so adding authentication changes no resolver.
 */
export type Caller = { kind: 'anonymous' };

import type { Database } from '../db/database';

/** Everything a resolver may use for one request. Built fresh per request: loaders cache per request only. */
export interface RequestContext<TLoaders> {
  requestId: string;
  caller: Caller;
  /** The declared purpose of access (UU 27/2022 purpose limitation); null until callers declare one. */
  purpose: string | null;
  loaders: TLoaders;
  /** For root queries that fetch one list or aggregate; anything per parent goes through loaders. */
  database: Database;
}
