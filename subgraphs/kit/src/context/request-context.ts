import type { AccessRecorder } from '../access/access-recorder';
import type { Caller } from '../access/caller';
import type { FieldAccess } from '../access/field-access';
import type { WithheldFields } from '../access/withheld-fields';
import type { WriteAccess } from '../access/write-rules';
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
  /** The digest of the operation the gateway signed for this request (see RecentReads). */
  operationDigest?: string;
  /** Under DATA_SUBJECT_REQUEST, the NIK the request is about: personal data of anyone else is FORBIDDEN. */
  dataSubject: string | null;
  /** The fields this caller may read for this purpose, under the agency's policy. */
  access: FieldAccess;
  /** The mutations this caller may make for this purpose, under the agency's write rules (see runWrite). */
  writes: WriteAccess;
  /** This subgraph's name (`workforce`): the source of the events its writes append. */
  service: string;
  /** Which personal data this request read, for its one audit record. */
  accessRecorder: AccessRecorder;
  /** The fields the policy withheld from this request, each sent as one FORBIDDEN error. */
  withheldFields: WithheldFields;
  loaders: TLoaders;
  /** For root queries that fetch one list or aggregate; anything per parent goes through loaders. */
  database: Database;
}
