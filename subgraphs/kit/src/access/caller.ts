import type { Purpose, Role } from './roles';

/**
 * Who is asking, as the gateway vouches for it: the subject of the user's token, the agency
 * that issued their account, and their roles. Resolvers receive it through the context and
 * never read headers themselves.
 */
export interface Caller {
  subject: string;
  /** The caller's own organisation (e.g. "pemprov-dki", "bpjs-tk"), recorded in the audit trail. */
  agency: string;
  roles: readonly Role[];
  /**
   * The Pemprov DKI units whose staff this caller administers (the identity provider's `units`
   * claim): a unit's HR officer changes the registry and submits enrolments for these units only.
   * Absent for an officer of the whole province (BKD) and for other agencies' staff.
   */
  units?: readonly string[];
}

/** What the gateway forwards to a subgraph about one request, inside its signed token. */
export interface ForwardedRequest {
  caller: Caller;
  /** The declared purpose of access (X-Purpose); null when none was declared. */
  purpose: Purpose | null;
  requestId: string;
  operationName: string | null;
  /**
   * Under DATA_SUBJECT_REQUEST, the NIK of the one person the request is about (X-Data-Subject,
   * validated by the gateway); null under every other purpose.
   */
  dataSubject: string | null;
  /**
   * Only in a token for an audit copy (POST /audit-copy): the requests, all this caller's and
   * identical, that each receive the copied read and get their own record; `requestId` alone when
   * absent. At most MAX_COPIES_PER_TOKEN.
   */
  copiesFor?: readonly string[];
}

/**
 * The most requests one audit-copy token records a read for: 64 request ids of up to 128
 * characters keep the token within the 16 KB a Node server takes in headers.
 */
export const MAX_COPIES_PER_TOKEN = 64;
