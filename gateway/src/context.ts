import type { Caller, Purpose } from '@jembatan/kit';

/** What the gateway knows about one request once its token is verified. */
export interface GatewayContext {
  requestId: string;
  caller: Caller;
  /** The declared purpose of access (X-Purpose), validated against the caller's roles; null when none. */
  purpose: Purpose | null;
}
