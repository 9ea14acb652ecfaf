import type { Caller } from '../access/caller';
import type { Purpose } from '../access/roles';
import type { Database } from '../db/database';

/** Everything a resolver may use for one request. Built fresh per request: loaders cache per request only. */
export interface RequestContext<TLoaders> {
  requestId: string;
  /** Who is asking, as the gateway's signed token vouches for it. */
  caller: Caller;
  /** The declared purpose of access (UU 27/2022 purpose limitation), or null. */
  purpose: Purpose | null;
  operationName: string | null;
  loaders: TLoaders;
  /** For root queries that fetch one list or aggregate; anything per parent goes through loaders. */
  database: Database;
}
