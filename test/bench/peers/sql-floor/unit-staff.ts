import type { Pool } from 'pg';

interface StaffRow {
  nik: string;
  name: string;
  category: string;
  contract_start: string;
  monthly_wage: string;
}

/**
 * `UnitStaffWithBpjs` as `dki_hr` for HR_ADMINISTRATION, by hand: the unit, one count (the
 * gateway's answer asks it twice, as `headcount` and `totalCount`), one page of workers in NIK
 * order, their participants and enrolments. Claims are withheld from this caller: null in each
 * row, and one FORBIDDEN error for the field at the first row it is withheld from, counting them
 * all (docs/errors.md, "A withheld field is one error").
 */
export async function unitStaffWithBpjs(workforce: Pool, bpjs: Pool, variables: { code: string; first?: number }) {
  const first = variables.first ?? 20;
  const [units, counts, staff] = await Promise.all([
    workforce.query<{ code: string; name: string; kind: string; region_code: string }>(
      'SELECT code, name, kind, region_code FROM unit WHERE code = $1',
      [variables.code],
    ),
    workforce.query<{ count: number }>('SELECT count(*)::int AS count FROM worker WHERE unit_code = $1', [
      variables.code,
    ]),
    workforce.query<StaffRow>(
      `SELECT nik, name, category, contract_start::text, monthly_wage::text
         FROM worker WHERE unit_code = $1 ORDER BY nik LIMIT $2`,
      [variables.code, first + 1],
    ),
  ]);
  const unit = units.rows[0];
  if (!unit) return { data: { unit: null } };
  const page = staff.rows.slice(0, first);
  const participants = await bpjs.query<{ kpj: string; nik: string; segment: string }>(
    'SELECT kpj, nik, segment FROM participant WHERE nik = ANY($1)',
    [page.map((row) => row.nik)],
  );
  const enrollments = await bpjs.query<{ kpj: string; program: string; since: string; until: string | null }>(
    'SELECT kpj, program, since::text, until::text FROM enrollment WHERE kpj = ANY($1) ORDER BY since, program',
    [participants.rows.map((row) => row.kpj)],
  );
  const participantByNik = new Map(participants.rows.map((row) => [row.nik, row]));
  const enrollmentsByKpj = groupBy(enrollments.rows, (row) => row.kpj);
  let firstWithheld: number | null = null;
  let withheldCount = 0;
  const edges = page.map((worker, index) => {
    const participant = participantByNik.get(worker.nik);
    if (participant) {
      firstWithheld ??= index;
      withheldCount += 1;
    }
    return {
      cursor: Buffer.from(worker.nik).toString('base64url'),
      node: {
        nik: worker.nik,
        name: worker.name,
        category: worker.category,
        contractStart: worker.contract_start,
        monthlyWage: worker.monthly_wage,
        bpjs: participant
          ? {
              kpj: participant.kpj,
              segment: participant.segment,
              enrollments: (enrollmentsByKpj.get(participant.kpj) ?? []).map(({ program, since, until }) => ({
                program,
                since,
                until,
              })),
              claims: null,
            }
          : null,
      },
    };
  });
  const count = counts.rows[0]!.count;
  const data = {
    unit: {
      code: unit.code,
      name: unit.name,
      kind: unit.kind,
      regionCode: unit.region_code,
      headcount: count,
      workers: {
        totalCount: count,
        pageInfo: { hasNextPage: staff.rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
        edges,
      },
    },
  };
  if (firstWithheld === null) return { data };
  const withheld = {
    message:
      'Participant.claims is withheld for the purpose HR_ADMINISTRATION; no purpose your roles (dki_hr) may declare opens it.',
    path: ['unit', 'workers', 'edges', firstWithheld, 'node', 'bpjs', 'claims'],
    extensions: { code: 'FORBIDDEN', field: 'Participant.claims', grantingPurposes: [], withheldCount },
  };
  return { errors: [withheld], data };
}

export function groupBy<T>(rows: readonly T[], keyOf: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}
