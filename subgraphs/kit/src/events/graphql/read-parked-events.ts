import type { Database } from '../../db/database';

export interface ParkedEventRow {
  id: string;
  source: string;
  type: string;
  keySeq: number;
  code: string;
  reason: string;
  attempts: number;
  occurredAt: string;
  firstSeenAt: string;
  parkedAt: string;
}

const PARKED_SQL = `
  SELECT id, source, type, key_seq, code, message, attempts, occurred_at, first_seen_at, parked_at
    FROM inbox_parked_event
   WHERE ($2::timestamptz IS NULL OR parked_at < $2)
   ORDER BY parked_at DESC, id
   LIMIT $1`;

const iso = (value: Date | string) => new Date(value).toISOString();

/** The newest parked events first; `parkedBefore` pages back. None for an agency without an inbox. */
export async function readParkedEvents(
  database: Database,
  { first, parkedBefore }: { first: number; parkedBefore?: string | null },
): Promise<ParkedEventRow[]> {
  let rows: Record<string, string | number | Date>[];
  try {
    rows = await database.dataSource.query(PARKED_SQL, [first, parkedBefore ?? null]);
  } catch (error) {
    // 42P01: no inbox table; the agency consumes no events.
    if ((error as { driverError?: { code?: string } }).driverError?.code === '42P01') return [];
    throw error;
  }
  return rows.map((row) => ({
    id: String(row.id),
    source: String(row.source),
    type: String(row.type),
    keySeq: Number(row.key_seq),
    code: String(row.code),
    reason: String(row.message),
    attempts: Number(row.attempts),
    occurredAt: iso(row.occurred_at as string),
    firstSeenAt: iso(row.first_seen_at as string),
    parkedAt: iso(row.parked_at as string),
  }));
}
