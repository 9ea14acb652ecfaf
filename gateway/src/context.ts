import type { Caller, Purpose } from '@jembatan/kit/access';

/** What the gateway knows about one request once its token is verified. */
export interface GatewayContext {
  requestId: string;
  caller: Caller;
  /** The declared purpose of access (X-Purpose), validated against the caller's roles; null when none. */
  purpose: Purpose | null;
  /** Under DATA_SUBJECT_REQUEST, the NIK of the person the request is about (X-Data-Subject); else null. */
  dataSubject: string | null;
  /**
   * The published operation (schema/operations) the request runs, once Apollo has resolved it;
   * null until then and for ad-hoc operations. See operations/published-operation.ts.
   */
  publishedOperation: string | null;
}
