import { notFound, type TransactionQueries } from '@jembatan/kit';

export interface LockedParticipant {
  kpj: string;
  nik: string;
  segment: string;
  registrarUnitCode: string | null;
  version: number;
  enrollments: { program: string; since: string; until: string | null }[];
}

// The participant row locked for the rest of the transaction (FOR UPDATE: a change to them or
// their cover; FOR SHARE: a claim, which must not see cover end under it), with their enrolments.
const lockSql = (mode: 'UPDATE' | 'SHARE') => `
  SELECT p.kpj, p.nik, p.segment, p.registrar_unit_code AS "registrarUnitCode", p.version,
         coalesce((SELECT json_agg(json_build_object('program', e.program, 'since', e.since::text, 'until', e.until::text)
                                   ORDER BY e.since, e.program)
                     FROM enrollment e WHERE e.kpj = p.kpj), '[]') AS enrollments
    FROM participant p
   WHERE p.kpj = $1
     FOR ${mode} OF p`;

/** The participant with this KPJ, locked; NOT_FOUND when there is none. */
export async function lockParticipant(
  transaction: TransactionQueries,
  kpj: string,
  mode: 'UPDATE' | 'SHARE',
): Promise<LockedParticipant> {
  const [row] = (await transaction.query(lockSql(mode), [kpj])) as LockedParticipant[];
  if (!row) throw notFound('Participant', kpj);
  return row;
}
