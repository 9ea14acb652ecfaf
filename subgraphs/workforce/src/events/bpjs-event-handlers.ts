import { z } from 'zod';
import {
  isIsoDate,
  JembatanError,
  Program,
  requireKpj,
  requireNik,
  requireUnitCode,
  type EventBatchHandler,
  type EventHandler,
  type EventHandlers,
  type EventRefusal,
  type OutboxEvent,
} from '@jembatan/kit';

const isoDate = z.string().refine(isIsoDate, 'must be a calendar date YYYY-MM-DD');
const program = z.enum(Program);

// What BPJS sends Pemprov DKI, and all DKI keeps of it: who is covered, by which programmes,
// from and until when, and which DKI unit registered them. Unknown fields are dropped.
const participantEnrolled = z.object({
  nik: z.string(),
  kpj: z.string(),
  registrarUnitCode: z.string().nullable(),
  programs: z.array(z.object({ program, since: isoDate })).min(1),
});

const coverageEnded = z.object({
  nik: z.string(),
  kpj: z.string(),
  programs: z.array(program),
  until: isoDate,
  /** Cover an ended contract withdrew before it started (e.g. JHT from 2017 for a 2016 contract). */
  withdrawn: z.array(z.object({ program, since: isoDate })).default([]),
});

/** Reads an event's payload, or refuses the event (it is parked for operators, never retried). */
function payloadOf<T extends z.ZodType>(schema: T, event: OutboxEvent): z.infer<T> {
  const parsed = schema.safeParse(event.payload);
  if (!parsed.success) {
    throw new JembatanError(
      'BAD_USER_INPUT',
      `${event.source} event ${event.type} ${event.id} does not have the agreed payload: ${z.prettifyError(parsed.error)}`,
    );
  }
  return parsed.data;
}

interface CoverRow {
  nik: string;
  kpj: string;
  registrar: string | null;
  program: string;
  since: string;
}

/** The periods one ParticipantEnrolled reports, or the reason it cannot be read. */
function coverRowsOf(event: OutboxEvent): CoverRow[] | EventRefusal {
  try {
    const enrolled = payloadOf(participantEnrolled, event);
    const nik = requireNik(enrolled.nik, 'nik');
    const kpj = requireKpj(enrolled.kpj, 'kpj');
    const registrar = enrolled.registrarUnitCode === null ? null : requireUnitCode(enrolled.registrarUnitCode, 'unit');
    return enrolled.programs.map(({ program, since }) => ({ nik, kpj, registrar, program, since }));
  } catch (error) {
    if (!(error instanceof JembatanError)) throw error;
    return { code: String(error.extensions.code), message: error.message };
  }
}

/**
 * BPJS enrolled DKI's workers (or re-enrolled them): record the periods each event reported, for
 * a whole batch in one statement. The later event's registrar wins for a period reported twice.
 */
const onParticipantEnrolled: EventBatchHandler = {
  async applyMany(transaction, events, audit) {
    const refusals = new Map<string, EventRefusal>();
    const periods = new Map<string, CoverRow>();
    for (const event of events) {
      const rows = coverRowsOf(event);
      if (!Array.isArray(rows)) refusals.set(event.id, rows);
      else for (const row of rows) periods.set(`${row.nik} ${row.program} ${row.since}`, row);
    }
    const rows = [...periods.values()];
    if (rows.length === 0) return refusals;
    await transaction.query(
      `INSERT INTO bpjs_cover (nik, program, since, kpj, registrar_unit_code)
       SELECT nik, program, since::date, kpj, registrar
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS p (nik, program, since, kpj, registrar)
       ON CONFLICT (nik, program, since) DO UPDATE
         SET kpj = excluded.kpj, registrar_unit_code = excluded.registrar_unit_code`,
      [
        rows.map((row) => row.nik),
        rows.map((row) => row.program),
        rows.map((row) => row.since),
        rows.map((row) => row.kpj),
        rows.map((row) => row.registrar),
      ],
    );
    await audit.recordChange({
      purpose: 'ENROLMENT',
      subjects: rows.map((row) => `nik:${row.nik}`),
      changes: [{ field: 'BpjsCover.periods', value: rows.map((row) => [row.nik, row.kpj, row.program, row.since]) }],
    });
    return refusals;
  },
};

/**
 * BPJS ended cover: close the periods still open (or running past the new end) on that day, and
 * drop the periods it withdrew before they began.
 */
const onCoverageEnded: EventHandler = async (transaction, event, audit) => {
  const ended = payloadOf(coverageEnded, event);
  const nik = requireNik(ended.nik, 'nik');
  const kpj = requireKpj(ended.kpj, 'kpj');
  await transaction.query(
    `UPDATE bpjs_cover SET until = $3::date
      WHERE nik = $1 AND kpj = $2 AND program = ANY ($4::text[]) AND (until IS NULL OR until > $3::date)`,
    [nik, kpj, ended.until, ended.programs],
  );
  if (ended.withdrawn.length > 0) {
    await transaction.query(
      `DELETE FROM bpjs_cover c USING unnest($3::text[], $4::date[]) AS w (program, since)
        WHERE c.nik = $1 AND c.kpj = $2 AND c.program = w.program AND c.since = w.since`,
      [nik, kpj, ended.withdrawn.map((w) => w.program), ended.withdrawn.map((w) => w.since)],
    );
  }
  await audit.recordChange({
    purpose: 'ENROLMENT',
    subjects: [`nik:${nik}`],
    changes: [{ field: 'BpjsCover.until', value: [kpj, ended.programs, ended.until, ended.withdrawn] }],
  });
};

/** What Pemprov DKI does with BPJS Ketenagakerjaan's events: keep its copy of their cover. */
export const workforceEventHandlers: EventHandlers = {
  bpjs: {
    ParticipantEnrolled: onParticipantEnrolled,
    CoverageEnded: onCoverageEnded,
  },
};
