import type { SeedSql, SeedStep } from '@jembatan/kit';
import { tuneForBulkLoad } from './bulk-load';
import { insertClaims } from './insert-claims';
import { insertEmployers } from './insert-employers';
import { expectedEnrollments, insertEnrollments } from './insert-enrollments';
import { nationalLayout, type LoadedFigures, type NationalLayout } from './layout';
import type { NationalSize } from './national-size';
import { insertParticipants } from './insert-participants';

/** Participants per step: small enough for a moving progress bar, big enough to stay bulk. */
const CHUNK_PARTICIPANTS = 2_000_000;
/**
 * The progress bar's ETA assumes every row costs the same, so steps are weighed in rows as long as
 * an inserted participant or enrolment row takes (≈2.3 µs on the 2-core reference machine): a row
 * of a key being built costs 0.6 of that, a row the summary scans 0.25, a claim (its claimant
 * recomputed and its id found) 8.
 */
const COST = { statisticsRow: 0.05, summaryRow: 0.25, claim: 8 } as const;

async function loadedFigures(sql: SeedSql): Promise<LoadedFigures> {
  const [row] = await sql.query<{ active: number; employers: number }>(
    `SELECT (SELECT count(*)::int FROM participant p
              WHERE EXISTS (SELECT 1 FROM enrollment e WHERE e.kpj = p.kpj AND e.until IS NULL)) AS active,
            (SELECT count(*)::int FROM employer) AS employers`,
  );
  return { activeParticipants: Number(row?.active ?? 0), employers: Number(row?.employers ?? 0) };
}

export function enrollmentsIn(layout: NationalLayout, from: number, to: number): number {
  return layout.blocks.reduce((sum, block) => {
    const overlap = Math.max(0, Math.min(to, block.first + block.count) - Math.max(from, block.first));
    return sum + overlap * expectedEnrollments(block);
  }, 0);
}

/**
 * The national register generated inside PostgreSQL on top of DKI's rows (already copied in),
 * in bulk `INSERT … SELECT … FROM generate_series` statements: nothing is streamed through Node.
 * The first step reads what DKI contributes and sizes the rest so that the totals come out
 * exactly `size`; `estimate` (DKI's figures as the world has them) only sizes the progress bar.
 */
export function nationalSteps(size: NationalSize, estimate: LoadedFigures): SeedStep[] {
  const planned = nationalLayout(size, estimate);
  const chunks = Math.max(1, Math.ceil(planned.participants / CHUNK_PARTICIPANTS));
  const run: { layout?: NationalLayout } = {};
  const layout = () => {
    if (!run.layout) throw new Error('The national steps run in order, starting with the first');
    return run.layout;
  };
  const rangeOf = (chunk: number, total: number) =>
    [Math.floor((total * chunk) / chunks), Math.floor((total * (chunk + 1)) / chunks)] as const;
  const enrollments = enrollmentsIn(planned, 0, planned.participants);

  return [
    {
      label: 'national: counting DKI',
      estimatedRows: estimate.activeParticipants,
      run: async (sql) => {
        await tuneForBulkLoad(sql);
        // The kit has set the keys and indexes aside for the load; it rebuilds them at the end.
        run.layout = nationalLayout(size, await loadedFigures(sql));
      },
    },
    {
      label: 'national employers',
      estimatedRows: planned.employers,
      run: async (sql) => {
        await sql.query(insertEmployers(layout()));
      },
    },
    ...Array.from({ length: chunks }, (_, chunk): SeedStep => {
      const [from, to] = rangeOf(chunk, planned.participants);
      return {
        label: `national participants ${chunk + 1}/${chunks}`,
        estimatedRows: Math.round(to - from + enrollmentsIn(planned, from, to)),
        run: async (sql) => {
          const current = layout();
          const [lo, hi] = rangeOf(chunk, current.participants);
          for (const block of current.blocks) {
            const blockFrom = Math.max(lo, block.first);
            const blockTo = Math.min(hi, block.first + block.count);
            if (blockFrom >= blockTo) continue;
            await sql.query(insertParticipants(block, blockFrom, blockTo, current));
            await sql.query(insertEnrollments(block, blockFrom, blockTo, current));
          }
        },
      };
    }),
    {
      label: 'national claims',
      estimatedRows: Math.round(planned.claims * COST.claim),
      run: async (sql) => {
        await sql.query(insertClaims(layout()));
      },
    },
    {
      label: 'national statistics',
      estimatedRows: Math.round((planned.participants + enrollments) * COST.statisticsRow),
      run: async (sql) => {
        // The summary and the kit's foreign-key checks that follow join tens of millions of rows;
        // without statistics the planner would guess.
        await sql.query('ANALYZE participant, enrollment, employer, claim');
      },
    },
  ];
}

/** The participation summary's weight once the national rows are in (it scans them all). */
export function nationalSummaryRows(size: NationalSize, estimate: LoadedFigures): number {
  const planned = nationalLayout(size, estimate);
  return Math.round((planned.participants + enrollmentsIn(planned, 0, planned.participants)) * COST.summaryRow);
}
