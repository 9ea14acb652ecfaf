import {
  BPU_JHT_SHARE,
  JAKON_PROJECT_MONTHS,
  JKP_MAX_AGE_AT_ENROLMENT,
  JKP_SINCE,
  JP_START,
  PMI_COVER_MONTHS,
  PRESET_PARAMS,
} from '@jembatan/seed-world';
import type { Program } from '@jembatan/seed-world';
import type { Block, NationalLayout } from './layout';
import { peopleSelect } from './people-select';
import { lastDayOfCover, plusYears } from './sql-dates';
import { below, sqlDate, uniform } from './sql-random';

/**
 * The enrolments of a block's participants, by the seed world's rules (seed-world's
 * enrollments.ts): wage earners JKK, JKM, JHT and JP (from July 2015), and JKP from 2022 for a
 * share of those under 54 still covered; BPU JKK and JKM, JHT optional, never JP or JKP; JAKON
 * JKK and JKM for the project's months; PMI JKK and JKM for the 25-month package, JHT optional.
 * Leavers' memberships all end on the day they left.
 */
interface Row {
  program: Program;
  since: string;
  /** NULL while open. */
  until: string;
  /** An optional programme: written only where `condition` holds, for about `share` of the block. */
  when?: { condition: string; share: number };
}

const JKP_SHARE = PRESET_PARAMS.dki2016.jkpShare;

function wageEarner(until: string, withJkp: boolean): Row[] {
  return [
    { program: 'JKK', since: 'registered_on', until },
    { program: 'JKM', since: 'registered_on', until },
    { program: 'JHT', since: 'registered_on', until },
    { program: 'JP', since: `greatest(registered_on, ${sqlDate(JP_START)})`, until },
    ...(withJkp
      ? [
          {
            program: 'JKP' as const,
            since: sqlDate(JKP_SINCE),
            until,
            // PP 37/2021: under 54 when joining (the world's canJoinJkp); about 70% are.
            when: {
              condition: `${plusYears('birth_date', JKP_MAX_AGE_AT_ENROLMENT + 1)} > ${sqlDate(JKP_SINCE)} AND ${uniform('i', 'jkp')} < ${JKP_SHARE}`,
              share: JKP_SHARE * 0.7,
            },
          },
        ]
      : []),
  ];
}

function rowsOf(block: Block): Row[] {
  const open = 'NULL::date';
  const pmiCover = lastDayOfCover('registered_on', String(PMI_COVER_MONTHS));
  switch (block.kind) {
    case 'active-pu':
    case 'jkk-claimant':
      return wageEarner(open, true);
    case 'jht-leaver':
    case 'jkm-leaver':
    case 'jp-leaver':
      return wageEarner('exit_on', false);
    case 'active-bpu':
      return [
        { program: 'JKK', since: 'registered_on', until: open },
        { program: 'JKM', since: 'registered_on', until: open },
        {
          program: 'JHT',
          since: 'registered_on',
          until: open,
          when: { condition: `${uniform('i', 'bpu/jht')} < ${BPU_JHT_SHARE}`, share: BPU_JHT_SHARE },
        },
      ];
    case 'jakon': {
      const months = `${JAKON_PROJECT_MONTHS.min} + ${below('i', 'jakon/months', JAKON_PROJECT_MONTHS.max - JAKON_PROJECT_MONTHS.min + 1)}`;
      const end = lastDayOfCover('registered_on', months);
      return [
        { program: 'JKK', since: 'registered_on', until: end },
        { program: 'JKM', since: 'registered_on', until: end },
      ];
    }
    case 'active-pmi':
    case 'ended-pmi':
      return [
        { program: 'JKK', since: 'registered_on', until: pmiCover },
        { program: 'JKM', since: 'registered_on', until: pmiCover },
        ...(block.kind === 'active-pmi' ? [{ program: 'JHT' as const, since: 'registered_on', until: open }] : []),
      ];
  }
}

/** Rows a participant of the block gets on average, for the progress bar. */
export function expectedEnrollments(block: Block): number {
  return rowsOf(block).reduce((sum, row) => sum + (row.when?.share ?? 1), 0);
}

export function insertEnrollments(block: Block, from: number, to: number, layout: NationalLayout): string {
  const values = rowsOf(block)
    .map(
      (row) =>
        `('${row.program}', ${row.when ? `CASE WHEN ${row.when.condition} THEN ${row.since} END` : row.since}, ${row.until})`,
    )
    .join(',\n        ');
  return `INSERT INTO enrollment (kpj, program, since, until)
    SELECT p.kpj, e.program, e.since::date, e.until::date
      FROM (${peopleSelect(block, from, to, layout)}) AS p
      CROSS JOIN LATERAL (VALUES
        ${values}) AS e (program, since, until)
     WHERE e.since IS NOT NULL`;
}
