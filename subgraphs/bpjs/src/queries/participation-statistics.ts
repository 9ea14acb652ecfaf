import type { Database } from '@jembatan/kit';
import { Segment, type ParticipationStatistics } from '../types';

/** Rows of a summary table (keyed by regency) within a province or regency; all of them for null. */
const IN_REGION = `($1::text IS NULL OR regency_code = $1 OR regency_code LIKE $1 || '.%')`;

/**
 * Sums the participation_summary and employer_summary rows of a region. Counting 19 million
 * participants and their enrolments live takes seconds; the summaries hold a few thousand rows.
 */
export async function participationStatistics(
  database: Database,
  regionCode: string | null,
): Promise<ParticipationStatistics> {
  const [segments, [employers]] = await Promise.all([
    database.dataSource.query<{ segment: Segment; active: string }[]>(
      `SELECT segment, sum(active_participants)::text AS active
         FROM participation_summary WHERE ${IN_REGION} GROUP BY segment`,
      [regionCode],
    ),
    database.dataSource.query<{ employers: string }[]>(
      `SELECT coalesce(sum(employers), 0)::text AS employers FROM employer_summary WHERE ${IN_REGION}`,
      [regionCode],
    ),
  ]);
  const bySegment = Object.values(Segment).map((segment) => ({
    segment,
    activeParticipants: Number(segments.find((row) => row.segment === segment)?.active ?? 0),
  }));
  return {
    regionCode,
    activeParticipants: bySegment.reduce((sum, row) => sum + row.activeParticipants, 0),
    employers: Number(employers?.employers ?? 0),
    bySegment,
  };
}
