import type { SummedTable } from '@jembatan/kit';

/**
 * Workers per unit and contract category, the one number behind `Unit.headcount`, every
 * `totalCount` of a worker connection and `workforceStatistics`. Counted live, the registry-wide
 * totals scan all 281,526 dki2016 workers (~60 ms on PostgreSQL, ~0.5 s at 16 concurrent callers)
 * and the largest unit's count reads 7,000 rows; the summary holds at most units × 3 rows.
 *
 * Triggers on `worker` keep it (see kit's summary-triggers): the seed's COPY, the registry's
 * future writes (register, end a contract, transfer, correct a wage) and hand-written SQL all
 * update it in their own transaction, so it needs no refresh step and cannot drift. A row may hold
 * 0 after its unit's last worker of that category left; readers treat a missing row as 0 too.
 */
export const UNIT_WORKER_COUNTS: SummedTable = {
  source: 'worker',
  summary: 'unit_worker_count',
  key: { unit_code: 'unit_code', category: 'category' },
  sums: { workers: '1' },
};
