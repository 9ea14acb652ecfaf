import { randomCompanyName } from './company-names';
import { minDate, randomDate, type IsoDate } from './dates';
import { NppRegistry } from './npp';
import type { ParticipantRecord } from './participants';
import type { Random } from './random';
import type { WorldEmployer } from './types';

export interface EmployerPlan {
  /** Employers registered with BPJS in DKI (the article: 60,423 active in February 2016). */
  count: number;
}

/**
 * Where DKI's employers are registered. Offices crowd into Jakarta Selatan and Pusat, industry
 * into Utara and Timur; only a handful of firms are registered on the islands (unverified shares).
 */
const DKI_EMPLOYER_REGIONS: readonly (readonly [string, number])[] = [
  ['31.01', 1],
  ['31.71', 22],
  ['31.72', 17],
  ['31.73', 20],
  ['31.74', 26],
  ['31.75', 14],
];

/** Astek (Jamsostek's forerunner) began registering employers in 1977; most joined recently. */
const REGISTRATION_PERIODS: readonly (readonly [readonly [IsoDate, IsoDate], number])[] = [
  [['1978-01-01', '1994-12-31'], 1],
  [['1995-01-01', '2004-12-31'], 1.5],
  [['2005-01-01', '2011-12-31'], 2.5],
  [['2012-01-01', '2016-02-29'], 3],
];

/**
 * Employer sizes are skewed: drawing an employer at index ⌊n·u²⌋ gives the first few thousands of
 * workers and most a handful, like a real register where a few firms employ most wage earners.
 */
const SIZE_SKEW = 2;

/**
 * DKI's employers, each with at least one active wage earner (they are the article's *active*
 * employers), and every wage earner (PU) linked to one of them. Only PU have an employer: BPU
 * are self-employed or registered through a group, JAKON through a project, PMI individually.
 * An employer's registration date is never later than its earliest worker's.
 */
export function employWageEarners(
  random: Random,
  records: readonly ParticipantRecord[],
  plan: EmployerPlan,
): WorldEmployer[] {
  const wageEarners = records.filter((r) => r.participant.segment === 'PU');
  const active = wageEarners.filter((r) => r.enrollments.some((e) => e.until === null));
  if (active.length < plan.count) {
    throw new Error(`${plan.count} employers need as many active wage earners, but only ${active.length} exist`);
  }
  const drafts = Array.from({ length: plan.count }, () => ({
    name: randomCompanyName(random),
    regionCode: random.weighted(DKI_EMPLOYER_REGIONS),
    registeredOn: randomDate(random, ...random.weighted(REGISTRATION_PERIODS)),
    workers: [] as ParticipantRecord[],
  }));
  const anchors = new Set(random.sample(active, plan.count));
  [...anchors].forEach((record, index) => drafts[index]?.workers.push(record));
  for (const record of wageEarners) {
    if (anchors.has(record)) continue;
    drafts[Math.floor(plan.count * random.next() ** SIZE_SKEW)]?.workers.push(record);
  }

  const npps = new NppRegistry(random.fork('npp'));
  return drafts.map(({ workers, ...draft }) => {
    const registeredOn = workers.reduce(
      (earliest, w) => minDate(earliest, w.participant.registeredOn),
      draft.registeredOn,
    );
    const npp = npps.issue(registeredOn);
    for (const worker of workers) worker.participant.employerNpp = npp;
    return { npp, name: draft.name, regionCode: draft.regionCode, registeredOn };
  });
}
