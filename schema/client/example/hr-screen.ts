import {
  ClaimsByProgramDocument,
  createJembatanClient,
  JembatanRequestError,
  UnitStaffWithBpjsDocument,
  type GraphQLErrorEntry,
} from '../src';
import { parseHrScreenArguments, USAGE, UsageError, type HrScreenArguments } from './hr-screen-arguments';
import { formatCount, formatRupiah } from './indonesian-numbers';
import { textTable } from './text-table';

/**
 * An HR screen as a script: one page of a unit's staff with their BPJS enrolment, and the claims
 * of the year by programme, through the typed client. Fields the caller may not see arrive as
 * null with an error; the screen shows the rest and says what it left out.
 */
async function showHrScreen(args: HrScreenArguments): Promise<void> {
  const client = createJembatanClient({
    url: args.url,
    token: args.token,
    purpose: args.purpose,
    persistedQueries: args.persisted,
  });
  const [staff, claims] = await Promise.all([
    client.requestPartial(UnitStaffWithBpjsDocument, { code: args.unit, first: args.first, after: args.after }),
    client.request(ClaimsByProgramDocument, { year: args.year, regionCode: args.region }),
  ]);

  const unit = staff.data.unit;
  if (!unit) {
    const [why] = staff.errors;
    throw new JembatanRequestError({
      code: why?.code ?? 'NOT_FOUND',
      message: why?.message ?? `no unit ${args.unit}`,
      operationName: 'UnitStaffWithBpjs',
      errors: staff.errors,
    });
  }
  const workers = unit.workers;
  const shown = workers ? `${formatCount(workers.edges.length)} of ${formatCount(workers.totalCount)} workers` : '';
  console.log(`${unit.name} (${unit.code}, ${unit.kind}, region ${unit.regionCode}): ${shown || 'workers withheld'}\n`);
  if (workers) {
    const rows = workers.edges.map(({ node }) => [
      node.nik,
      node.name ?? '—',
      node.category,
      node.contractStart ?? '—',
      node.monthlyWage === null ? '—' : formatRupiah(node.monthlyWage),
      node.bpjs?.kpj ?? '—',
      activeProgrammes(node.bpjs?.enrollments ?? []) || '—',
    ]);
    console.log(
      textTable(
        [
          { header: 'NIK' },
          { header: 'Name' },
          { header: 'Category' },
          { header: 'Contract from' },
          { header: 'Wage (Rp)', align: 'right' },
          { header: 'KPJ' },
          { header: 'Enrolled in (active)' },
        ],
        rows,
      ),
    );
    if (workers.pageInfo.hasNextPage) console.log(`Next page: --after ${workers.pageInfo.endCursor}`);
  }
  for (const line of withheld(staff.errors)) console.log(line);

  const stats = claims.claimStatistics;
  console.log(
    `\nClaims filed in ${stats.year}, region ${stats.regionCode ?? 'Indonesia'}: ${formatCount(stats.count)} claims, Rp ${formatRupiah(stats.amount)}\n`,
  );
  console.log(
    textTable(
      [{ header: 'Programme' }, { header: 'Claims', align: 'right' }, { header: 'Amount (Rp)', align: 'right' }],
      stats.byProgram.map((row) => [row.program, formatCount(row.count), formatRupiah(row.amount)]),
    ),
  );
}

/** The programmes a worker is covered by today: enrolments that have not ended. */
const activeProgrammes = (enrollments: readonly { program: string; until: string | null }[]) =>
  enrollments
    .filter((enrollment) => enrollment.until === null)
    .map((enrollment) => enrollment.program)
    .join(', ');

/** One line per kind of missing field, "3 × FORBIDDEN at unit.workers.edges.*.node.bpjs.claims". */
function withheld(errors: readonly GraphQLErrorEntry[]): string[] {
  const counts = new Map<string, number>();
  for (const error of errors) {
    const where = (error.path ?? []).map((step) => (typeof step === 'number' ? '*' : step)).join('.');
    const key = `${error.code ?? 'ERROR'} at ${where || 'the request'}`;
    // A withheld field is one error for all the rows it was withheld from (docs/errors.md).
    const places = typeof error.extensions.withheldCount === 'number' ? error.extensions.withheldCount : 1;
    counts.set(key, (counts.get(key) ?? 0) + places);
  }
  return [...counts].map(([key, count]) => `Withheld: ${count} × ${key}`);
}

async function main(): Promise<void> {
  await showHrScreen(parseHrScreenArguments(process.argv.slice(2), process.env));
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(`${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (error instanceof JembatanRequestError) {
    console.error(`error: ${error.message}${error.status ? ` (HTTP ${error.status})` : ''}`);
    process.exit(1);
  }
  console.error(error);
  process.exit(1);
});
