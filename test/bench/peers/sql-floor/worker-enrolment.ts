import type { Pool } from 'pg';

/** `WorkerEnrolment` as `dki_hr` for ENROLMENT, by hand: one worker with their unit, their participant and enrolments. */
export async function workerEnrolment(workforce: Pool, bpjs: Pool, variables: { nik: string }) {
  const [workers, participants] = await Promise.all([
    workforce.query<{
      nik: string;
      name: string;
      category: string;
      contract_start: string;
      contract_end: string | null;
      unit_code: string;
      unit_name: string;
    }>(
      `SELECT w.nik, w.name, w.category, w.contract_start::text, w.contract_end::text, u.code AS unit_code, u.name AS unit_name
         FROM worker w JOIN unit u ON u.code = w.unit_code WHERE w.nik = $1`,
      [variables.nik],
    ),
    bpjs.query<{ kpj: string; segment: string; registered_on: string }>(
      'SELECT kpj, segment, registered_on::text FROM participant WHERE nik = $1',
      [variables.nik],
    ),
  ]);
  const worker = workers.rows[0];
  if (!worker) return { data: { worker: null } };
  const participant = participants.rows[0];
  const enrollments = participant
    ? (
        await bpjs.query<{ program: string; since: string; until: string | null }>(
          'SELECT program, since::text, until::text FROM enrollment WHERE kpj = $1 ORDER BY since, program',
          [participant.kpj],
        )
      ).rows
    : [];
  return {
    data: {
      worker: {
        nik: worker.nik,
        name: worker.name,
        category: worker.category,
        contractStart: worker.contract_start,
        contractEnd: worker.contract_end,
        unit: { code: worker.unit_code, name: worker.unit_name },
        bpjs: participant
          ? {
              kpj: participant.kpj,
              segment: participant.segment,
              registeredOn: participant.registered_on,
              enrollments: enrollments.map(({ program, since, until }) => ({ program, since, until })),
            }
          : null,
      },
    },
  };
}
