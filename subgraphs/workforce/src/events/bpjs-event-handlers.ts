import { z } from 'zod';
import {
  isIsoDate,
  JembatanError,
  Program,
  requireKpj,
  requireNik,
  requireUnitCode,
  type EventHandler,
  type EventHandlers,
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

/** BPJS enrolled one of DKI's workers (or re-enrolled them): record the periods it reported. */
const onParticipantEnrolled: EventHandler = async (transaction, event) => {
  const enrolled = payloadOf(participantEnrolled, event);
  const nik = requireNik(enrolled.nik, 'nik');
  const kpj = requireKpj(enrolled.kpj, 'kpj');
  const registrar = enrolled.registrarUnitCode === null ? null : requireUnitCode(enrolled.registrarUnitCode, 'unit');
  await transaction.query(
    `INSERT INTO bpjs_cover (nik, program, since, kpj, registrar_unit_code)
     SELECT $1, p.program, p.since::date, $2, $3
       FROM unnest($4::text[], $5::text[]) AS p (program, since)
     ON CONFLICT (nik, program, since) DO UPDATE
       SET kpj = excluded.kpj, registrar_unit_code = excluded.registrar_unit_code`,
    [nik, kpj, registrar, enrolled.programs.map((p) => p.program), enrolled.programs.map((p) => p.since)],
  );
};

/**
 * BPJS ended cover: close the periods still open (or running past the new end) on that day, and
 * drop the periods it withdrew before they began.
 */
const onCoverageEnded: EventHandler = async (transaction, event) => {
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
};

/** What Pemprov DKI does with BPJS Ketenagakerjaan's events: keep its copy of their cover. */
export const workforceEventHandlers: EventHandlers = {
  bpjs: {
    ParticipantEnrolled: onParticipantEnrolled,
    CoverageEnded: onCoverageEnded,
  },
};
