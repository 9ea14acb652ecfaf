import { Client } from 'pg';
import { refreshCoverageSummaries } from '@jembatan/bpjs';

/**
 * Takes the dki2016 databases back to the eve of the March 2016 enrolment: the PKP are neither in
 * DKI's registry nor at BPJS (nor in DKI's copy of BPJS's cover), and no write, event or
 * idempotency key of an earlier replay is left. Units, PPSU, Kebersihan crews and every other
 * participant stay as the seed made them, and BPJS's coverage summaries are recounted to match.
 * Bench databases only: this deletes rows by hand.
 */
export async function resetForReplay(databases: { workforce: string; bpjs: string }, pkpNiks: readonly string[]) {
  await withClient(databases.workforce, async (sql) => {
    await sql.query('BEGIN');
    await sql.query('DELETE FROM bpjs_cover WHERE nik = ANY($1)', [pkpNiks]);
    await sql.query('DELETE FROM worker WHERE nik = ANY($1)', [pkpNiks]);
    await sql.query(
      'TRUNCATE outbox_event, outbox_relay_lease, inbox_event, inbox_ordering_key, inbox_parked_event, idempotency_record',
    );
    await sql.query('COMMIT');
  });
  await withClient(databases.bpjs, async (sql) => {
    await sql.query('BEGIN');
    await sql.query('CREATE TEMP TABLE replay_kpj ON COMMIT DROP AS SELECT kpj FROM participant WHERE nik = ANY($1)', [
      pkpNiks,
    ]);
    await sql.query('DELETE FROM claim WHERE kpj IN (SELECT kpj FROM replay_kpj)');
    await sql.query('DELETE FROM enrollment WHERE kpj IN (SELECT kpj FROM replay_kpj)');
    await sql.query('DELETE FROM participant WHERE kpj IN (SELECT kpj FROM replay_kpj)');
    await sql.query(
      'TRUNCATE outbox_event, outbox_relay_lease, inbox_event, inbox_ordering_key, inbox_parked_event, idempotency_record',
    );
    // The summaries the enrolments will keep, recounted without the PKP taken out.
    await refreshCoverageSummaries({
      query: async (text, values) => (await sql.query(text, values as unknown[])).rows,
    });
    await sql.query('COMMIT');
  });
}

/** How far the replay got: PKP in DKI's registry, enrolled at BPJS, and back in DKI's copy of the cover. */
export interface ReplayProgress {
  registered: number;
  enrolled: number;
  /** Participants enrolled more than once (a NIK with two participant rows). */
  duplicates: number;
  mirrored: number;
}

export async function replayProgress(
  databases: { workforce: string; bpjs: string },
  pkpNiks: readonly string[],
): Promise<ReplayProgress> {
  const [registered, mirrored] = await withClient(databases.workforce, async (sql) => [
    await count(sql, 'SELECT count(*) FROM worker WHERE nik = ANY($1)', [pkpNiks]),
    await count(sql, 'SELECT count(DISTINCT nik) FROM bpjs_cover WHERE nik = ANY($1)', [pkpNiks]),
  ]);
  const [enrolled, rows] = await withClient(databases.bpjs, async (sql) => [
    await count(sql, 'SELECT count(DISTINCT nik) FROM participant WHERE nik = ANY($1)', [pkpNiks]),
    await count(sql, 'SELECT count(*) FROM participant WHERE nik = ANY($1)', [pkpNiks]),
  ]);
  return { registered: registered!, enrolled: enrolled!, duplicates: rows! - enrolled!, mirrored: mirrored! };
}

async function count(sql: Client, text: string, values: unknown[]): Promise<number> {
  const { rows } = await sql.query<{ count: string }>(text, values);
  return Number(rows[0]!.count);
}

async function withClient<T>(url: string, work: (sql: Client) => Promise<T>): Promise<T> {
  const sql = new Client({ connectionString: url });
  await sql.connect();
  try {
    return await work(sql);
  } finally {
    await sql.end();
  }
}

/**
 * Rows in which BPJS's coverage summaries, as the enrolments kept them, differ from a recount of
 * every row (0 when exact): the recount runs in a transaction rolled back after.
 */
export async function summaryDrift(bpjs: string): Promise<number> {
  return withClient(bpjs, async (sql) => {
    await sql.query('BEGIN');
    try {
      await sql.query('CREATE TEMP TABLE kept_unit ON COMMIT DROP AS SELECT * FROM unit_coverage_change');
      await sql.query('CREATE TEMP TABLE kept_regency ON COMMIT DROP AS SELECT * FROM participation_summary');
      await refreshCoverageSummaries({
        query: async (text, values) => (await sql.query(text, values as unknown[])).rows,
      });
      const drift = (table: string, kept: string) =>
        count(
          sql,
          `SELECT count(*) FROM ((TABLE ${table} EXCEPT TABLE ${kept}) UNION ALL (TABLE ${kept} EXCEPT TABLE ${table})) AS d`,
          [],
        );
      return (
        (await drift('unit_coverage_change', 'kept_unit')) + (await drift('participation_summary', 'kept_regency'))
      );
    } finally {
      await sql.query('ROLLBACK');
    }
  });
}
