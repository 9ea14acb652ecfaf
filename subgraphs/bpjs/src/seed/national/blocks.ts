import type { Program, Segment } from '@jembatan/seed-world';

/**
 * The national register is generated in blocks of participants who share one story: a block
 * fixes the segment, whether its members are active, and the one 2016 claim each files, if any.
 * Because activity is a property of the block, the number of active participants is exact by
 * construction. Enrolments follow the seed world's rules (subgraphs/seed-world/src/enrollments.ts).
 */
export type BlockKind =
  | 'active-pu'
  | 'jkk-claimant'
  | 'active-bpu'
  | 'active-pmi'
  | 'jakon'
  | 'ended-pmi'
  | 'jht-leaver'
  | 'jkm-leaver'
  | 'jp-leaver';

export interface Period {
  from: string;
  to: string;
  weight: number;
}

export interface BlockSpec {
  kind: BlockKind;
  segment: Segment;
  /** Has at least one open enrolment. */
  active: boolean;
  births: { from: string; to: string };
  /** Registration dates are drawn from these periods, in proportion to their weights. */
  registrations: readonly Period[];
  femaleShare: number;
  /** The claim each member files in 2016 (January to the MoU of 15 March), if any. */
  claim: Program | null;
}

/** Born after this, someone is under 56 in 2016 (as in the world). */
const OLDEST_BIRTH = '1960-01-01';

/** Wage earners joined over two decades, most of them recently (the world's weights). */
function wageEarnerRegistrations(until: string): Period[] {
  return [
    { from: '1995-01-01', to: '2004-12-31', weight: 1.5 },
    { from: '2005-01-01', to: '2011-12-31', weight: 3 },
    { from: '2012-01-01', to: until, weight: 5.5 },
  ];
}

/** Old enough to register by the last registration day: 18 (the world's minimum working age). */
function adultsBy(lastRegistration: string) {
  return { from: OLDEST_BIRTH, to: `${Number(lastRegistration.slice(0, 4)) - 18}${lastRegistration.slice(4)}` };
}

function pu(kind: BlockKind, active: boolean, claim: Program | null, lastRegistration: string): BlockSpec {
  return {
    kind,
    segment: 'PU',
    active,
    births: adultsBy(lastRegistration),
    registrations: wageEarnerRegistrations(lastRegistration),
    femaleShare: 0.4,
    claim,
  };
}

const RECENT = [{ from: '2014-01-01', to: '2016-06-30', weight: 1 }];

export const BLOCK_SPECS: Readonly<Record<BlockKind, BlockSpec>> = {
  'active-pu': pu('active-pu', true, null, '2016-06-30'),
  // A work accident does not end membership; the claimant was registered before the year began.
  'jkk-claimant': pu('jkk-claimant', true, 'JKK', '2015-12-31'),
  'active-bpu': {
    kind: 'active-bpu',
    segment: 'BPU',
    active: true,
    births: adultsBy('2016-06-30'),
    registrations: RECENT,
    femaleShare: 0.35,
    claim: null,
  },
  // Migrant workers who also save in JHT, which stays open after the placement cover ends.
  'active-pmi': {
    kind: 'active-pmi',
    segment: 'PMI',
    active: true,
    births: adultsBy('2016-06-30'),
    registrations: RECENT,
    femaleShare: 0.7,
    claim: null,
  },
  // A project's cover ends with the project, so construction workers are never active for long.
  jakon: {
    kind: 'jakon',
    segment: 'JAKON',
    active: false,
    births: adultsBy('2016-06-30'),
    registrations: [{ from: '2015-01-01', to: '2016-09-30', weight: 1 }],
    femaleShare: 0.05,
    claim: null,
  },
  'ended-pmi': {
    kind: 'ended-pmi',
    segment: 'PMI',
    active: false,
    births: adultsBy('2016-06-30'),
    registrations: RECENT,
    femaleShare: 0.7,
    claim: null,
  },
  // Left their job in late 2015 and, after the month's wait, claimed their JHT savings.
  'jht-leaver': pu('jht-leaver', false, 'JHT', '2015-09-30'),
  'jkm-leaver': pu('jkm-leaver', false, 'JKM', '2015-09-30'),
  // Turned 56, the 2016 pension age, between mid-December and mid-February, and took the JP lump sum.
  'jp-leaver': { ...pu('jp-leaver', false, 'JP', '2015-09-30'), births: { from: '1959-12-15', to: '1960-02-15' } },
};
