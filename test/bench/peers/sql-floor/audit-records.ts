import type { IncomingHttpHeaders } from 'node:http';
import { randomUUID } from 'node:crypto';
import { decodeJwt } from 'jose';
import type { Pool } from 'pg';

/** Who asked, as the audit record names them: taken from the bearer token unverified (the floor trusts its load). */
export interface FloorCaller {
  subject: string;
  agency: string;
  roles: string[];
  purpose: string | null;
}

export function floorCallerOf(headers: IncomingHttpHeaders): FloorCaller {
  const payload = decodeJwt((headers.authorization ?? '').replace(/^Bearer /, ''));
  const purpose = headers['x-purpose'];
  return {
    subject: String(payload.sub),
    agency: String(payload.agency),
    roles: Array.isArray(payload.roles) ? payload.roles.map(String) : [],
    purpose: typeof purpose === 'string' ? purpose : null,
  };
}

/** What one agency records for one request: the people read and the fields shown. */
export interface AgencyRead {
  subjects: string[];
  fields: string[];
}

/**
 * Appends one audit record to an agency's own `audit_log`, as the subgraph does for a read of
 * personal data: its trigger gives the record its place and hash in the chain.
 */
export async function appendAuditRecord(database: Pool, caller: FloorCaller, operation: string, read: AgencyRead) {
  await database.query(
    `INSERT INTO audit_log (caller_subject, caller_agency, caller_roles, purpose, operation_name, request_id, subjects, fields)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [caller.subject, caller.agency, caller.roles, caller.purpose, operation, randomUUID(), read.subjects, read.fields],
  );
}
