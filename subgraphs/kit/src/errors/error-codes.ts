/**
 * The one catalog of `extensions.code` values Jembatan returns. Frontend teams branch on these
 * codes, so a code is never renamed or reused for another meaning; add new ones instead.
 * Codes produced by the GraphQL layer itself (GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED,
 * BAD_REQUEST) are listed too, so this catalog is complete for clients.
 */
export const ERROR_CODES = {
  BAD_USER_INPUT: 'An argument is malformed or out of range (generic; a more specific code is used where one exists).',
  INVALID_NIK:
    'A NIK is not 16 digits, names no Kemendagri province, or encodes an impossible birth date or a zero serial.',
  INVALID_KPJ: 'A KPJ (BPJS Ketenagakerjaan membership number) is not exactly 11 digits.',
  INVALID_UNIT_CODE:
    'A work unit code does not have the form of a Pemprov DKI unit code (e.g. "DINKES", "KEL-3174011001").',
  INVALID_REGION_CODE: 'A region code is not a Kemendagri code such as "31", "31.74", "31.74.01" or "31.74.01.1001".',
  INVALID_CURSOR: 'A pagination cursor was not produced by this connection, or was altered.',
  INVALID_ID: 'A record id or other free-text argument is empty, too long, malformed or holds control characters.',
  PAGE_SIZE_OUT_OF_RANGE: '`first` is negative or above the maximum page size of the connection.',
  NOT_FOUND: 'The record named by the arguments does not exist.',
  GRAPHQL_PARSE_FAILED: 'The query is not valid GraphQL syntax (HTTP 400).',
  GRAPHQL_VALIDATION_FAILED: 'The query does not fit the schema, e.g. an unknown field or enum value (HTTP 400).',
  BAD_REQUEST: 'The HTTP request itself is malformed: not JSON, missing `query`, wrong content type (HTTP 400).',
  PAYLOAD_TOO_LARGE: 'The request body is larger than the server accepts (HTTP 413).',
  UNAUTHENTICATED:
    'No valid credentials: a missing, malformed, expired or wrongly signed token, or (at a subgraph) a request that did not come from the gateway (HTTP 401).',
  FORBIDDEN:
    "The caller's roles and declared purpose do not grant this field; it is null wherever it occurs, with one error per field of the query (`extensions.field`, and `extensions.withheldCount` places, at the first of them), and the rest of the answer still arrives.",
  INVALID_PURPOSE: 'The X-Purpose header names no purpose of access Jembatan knows (HTTP 400).',
  PURPOSE_NOT_ALLOWED: "None of the caller's roles may declare this purpose of access (HTTP 403).",
  DATA_SUBJECT_REQUIRED:
    'The purpose DATA_SUBJECT_REQUEST needs the NIK of the person the request is about in the X-Data-Subject header (HTTP 400).',
  DATA_SUBJECT_WITHOUT_PURPOSE:
    'X-Data-Subject was sent with a purpose other than DATA_SUBJECT_REQUEST; send it only with that purpose (HTTP 400).',
  DEPTH_LIMIT_EXCEEDED: 'The operation nests fields deeper than the gateway allows, fragments followed (HTTP 400).',
  ALIAS_LIMIT_EXCEEDED: 'The operation uses more aliases than the gateway allows (HTTP 400).',
  ROOT_FIELD_LIMIT_EXCEEDED: 'The operation asks for more distinct root fields than the gateway allows (HTTP 400).',
  TOKEN_LIMIT_EXCEEDED: 'The query text is longer, in lexical tokens, than the gateway will parse (HTTP 400).',
  DIRECTIVE_LIMIT_EXCEEDED: 'The operation uses more directives than the gateway allows (HTTP 400).',
  COST_LIMIT_EXCEEDED:
    'The estimated cost (page sizes multiplied through nested connections) is above the limit; ask for smaller pages or fewer nested lists (HTTP 400).',
  OPERATION_NOT_TRUSTED:
    "The caller's roles may send only the published operations (schema/operations), by exact body or by id, and this is not one (HTTP 403).",
  OPERATION_NAME_REQUIRED:
    'The document holds several operations and the request names none of them in `operationName` (HTTP 400).',
  UNKNOWN_OPERATION_NAME: 'The `operationName` of the request names no operation of its document (HTTP 400).',
  PERSISTED_QUERY_MISMATCH:
    'The request sent a query together with a persisted query id (`extensions.persistedQuery.sha256Hash`) that is not the SHA-256 of that query (HTTP 400).',
  PERSISTED_QUERY_NOT_FOUND: 'An operation id sent without a query is not in the published manifest.',
  EXPORT_TOO_LARGE:
    "A CSV export (GET /csv) would hold more rows than the gateway exports at once; narrow it with the operation's filters (HTTP 400).",
  RATE_LIMITED:
    'The caller made more requests than allowed in the current window; retry after `Retry-After` seconds (HTTP 429).',
  SUBGRAPH_UNAVAILABLE:
    "An agency's service could not be reached or answered with an error; its fields are null, the rest of the answer still arrives, and `extensions.serviceName` names the agency. Retry later.",
  SUBGRAPH_TIMEOUT:
    "An agency's service did not answer within the gateway's time limit; its fields are null, the rest of the answer still arrives, and `extensions.serviceName` names the agency.",
  // Writes (mutations): each says what to do next.
  IDEMPOTENCY_KEY_REQUIRED:
    'A mutation was sent without `idempotencyKey`; send a fresh unique key (e.g. a UUID) per intended change, and the same key when retrying it.',
  IDEMPOTENCY_KEY_REUSED:
    'This idempotency key was already used by this caller for a different input; retry with the original input, or use a new key for a new change.',
  VERSION_CONFLICT:
    'The record changed since the client read it (`extensions.currentVersion`); read it again, re-apply the change and send the new version.',
  INVALID_TRANSITION:
    'The record is not in a state this change applies to (e.g. a claim moved PAID → VERIFIED); `extensions.from` and `extensions.allowed` say which changes are possible.',
  WAGE_BELOW_MINIMUM:
    "The monthly wage is below the UMP DKI of the contract's year (`extensions.minimum`); a PPSU/PKP contract pays at least the UMP.",
  INVALID_DATE_RANGE: 'An end or effective date comes before the start it must follow (`extensions.field` names it).',
  PROGRAM_NOT_AVAILABLE:
    'The programme is not open to this participant: BPU participants take JKK, JKM and JHT, never JP or JKP; or cover would start before the programme starts for their category (`extensions.earliest`).',
  NOT_COVERED:
    'The participant was not covered by this programme on the date given (e.g. a claim for an incident outside their enrolment).',
  CLAIM_AMOUNT_INVALID:
    'The amount does not fit the programme: a JKM claim is paid at the statutory amount of its year (`extensions.statutoryAmount`), and no amount is negative.',
  WORKER_ALREADY_REGISTERED:
    'A worker with this NIK is already in the registry (`extensions.field` is "nik"); change their record with transferWorker, correctWage or endContract instead of registering them again.',
  EVENT_DELIVERIES_EXHAUSTED:
    "Not a client's answer: the code of an event another agency sent that failed on every delivery allowed (EVENTS_MAX_DELIVERIES) and was parked; the parked event's reason holds the last failure. Fix the cause, then replay it.",
  BATCH_TOO_LARGE:
    'A bulk write holds more items than one call accepts (`extensions.maximum`); split it into several calls.',
  AUDIT_COPY_UNAVAILABLE:
    'The agency holds no recent audited read for the request named in `copyOf` (it read nothing personal, failed, is older than a minute, or was served by another replica); send the fetch itself instead.',
  AUDIT_COPY_MISMATCH:
    'The read named in `copyOf` was made for another caller, agency, roles, purpose, data subject or operation; only an identical request of the same caller may share its answer. Send the fetch itself.',
  INTERNAL_SERVER_ERROR: 'Something failed on our side; details are logged, never sent to the client in production.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;
