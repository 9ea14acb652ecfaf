import { apportion } from './apportion';
import { addYears, randomDate, randomMonthStart, type IsoDate } from './dates';
import { homeDistrictFor } from './home-district';
import type { PeopleRegistry, Person } from './people';
import { PKP_COVERAGE_START } from './policy';
import type { Random } from './random';
import type { WorkerCategory, WorldWorker } from './types';
import type { PlannedUnit } from './units';
import { UMP_2016 } from './wages';

export interface WorkerPlan {
  /** Exact headcount per category. */
  counts: Readonly<Record<WorkerCategory, number>>;
  /**
   * Share of PKP hired after the March 2016 collective registration whose BPJS registration is
   * still pending, so that the world has workers without a participant.
   */
  pendingPkpShare: number;
}

export interface GeneratedWorker {
  worker: WorldWorker;
  person: Person;
  /** False for a PKP whose BPJS registration is still pending. */
  registered: boolean;
}

interface CategoryProfile {
  femaleShare: number;
  contractStart(random: Random, pending: boolean): IsoDate;
  contractEnd(random: Random): IsoDate | null;
  monthlyWage(random: Random): number;
}

const END_OF_2016: IsoDate = '2016-12-31';
/** Workers born before this would be over 56 in 2016. */
const OLDEST_BIRTH_DATE: IsoDate = '1960-01-01';
const MIN_WORKING_AGE = 18;

/**
 * Who the three categories are. PPSU and Kebersihan crews are paid exactly the UMP (Pergub
 * 169/2015); PKP often UMP, sometimes more for skilled posts, in Rp50,000 steps. Contracts mostly
 * start on the 1st of a month, at the start of a year or in a recruitment wave.
 */
const PROFILES: Readonly<Record<WorkerCategory, CategoryProfile>> = {
  PKP: {
    femaleShare: 0.42,
    // Registered PKP were all hired by the time coverage began in March 2016; the pending ones
    // were hired after it.
    contractStart: (random, pending) =>
      pending
        ? randomMonthStart(random, '2016-04-01', '2016-09-01')
        : random.weighted<() => IsoDate>([
            [() => '2015-01-01', 3],
            [() => '2016-01-01', 4],
            [() => randomMonthStart(random, '2015-02-01', PKP_COVERAGE_START), 3],
          ])(),
    contractEnd: (random) => (random.chance(0.45) ? END_OF_2016 : null),
    monthlyWage: (random) => (random.chance(0.55) ? UMP_2016 : UMP_2016 + 50_000 * random.int(1, 30)),
  },
  PPSU: {
    femaleShare: 0.12,
    // The first crews started in June–July 2015; later hires replace leavers.
    contractStart: (random) =>
      random.weighted<() => IsoDate>([
        [() => '2015-06-01', 3],
        [() => '2015-07-01', 3],
        [() => randomMonthStart(random, '2015-08-01', '2016-06-01'), 2],
      ])(),
    // One-year contracts with an annual evaluation, mostly running to the end of the year.
    contractEnd: (random) => (random.chance(0.7) ? END_OF_2016 : null),
    monthlyWage: () => UMP_2016,
  },
  KEBERSIHAN: {
    femaleShare: 0.2,
    contractStart: (random) =>
      random.chance(0.6) ? '2015-01-01' : randomMonthStart(random, '2015-02-01', '2016-06-01'),
    contractEnd: (random) => (random.chance(0.5) ? END_OF_2016 : null),
    monthlyWage: () => UMP_2016,
  },
};

/** PPSU per kelurahan varies between 40 and 70 (domain.md §4.4). */
const PPSU_PER_KELURAHAN = { min: 40, max: 70 } as const;

/**
 * Kelurahan crew sizes within the 40–70 range that add up to `total` exactly. Starting everyone at
 * the minimum and handing out the rest one by one to kelurahan below the maximum keeps both facts.
 */
function crewSizes(random: Random, total: number, kelurahanCount: number): number[] {
  const { min, max } = PPSU_PER_KELURAHAN;
  if (total === 0) return Array.from({ length: kelurahanCount }, () => 0);
  if (total < kelurahanCount * min || total > kelurahanCount * max) {
    throw new Error(`${total} PPSU cannot be spread over ${kelurahanCount} kelurahan at ${min}–${max} each`);
  }
  const sizes: number[] = Array.from({ length: kelurahanCount }, () => min);
  const open = sizes.map((_, index) => index);
  for (let left = total - kelurahanCount * min; left > 0; left -= 1) {
    const slot = random.int(0, open.length - 1);
    const index = open[slot] as number;
    sizes[index] = (sizes[index] ?? min) + 1;
    if (sizes[index] === max) open.splice(slot, 1);
  }
  return sizes;
}

export function generateWorkers(
  random: Random,
  units: readonly PlannedUnit[],
  people: PeopleRegistry,
  plan: WorkerPlan,
): GeneratedWorker[] {
  const slots: { category: WorkerCategory; unit: PlannedUnit }[] = [];
  const fill = (category: WorkerCategory, hosts: readonly PlannedUnit[], weights: number[]) => {
    if (plan.counts[category] > 0 && hosts.length === 0) {
      throw new Error(`No unit in the plan can host ${category} workers`);
    }
    apportion(plan.counts[category], weights).forEach((count, index) => {
      const unit = hosts[index] as PlannedUnit;
      for (let i = 0; i < count; i += 1) slots.push({ category, unit });
    });
  };

  // Jitter keeps units of one kind from having identical headcounts.
  const pkpHosts = units.filter((u) => u.pkpWeight > 0);
  fill(
    'PKP',
    pkpHosts,
    pkpHosts.map((u) => u.pkpWeight * (0.8 + 0.4 * random.next())),
  );
  const crewEmployers = units.flatMap((u) => u.ppsuCrews.map(() => u));
  fill('PPSU', crewEmployers, crewSizes(random, plan.counts.PPSU, crewEmployers.length));
  const kebersihanHosts = units.filter((u) => u.kebersihanWeight > 0);
  fill(
    'KEBERSIHAN',
    kebersihanHosts,
    kebersihanHosts.map((u) => u.kebersihanWeight),
  );

  const pkpSlots = slots.flatMap((slot, index) => (slot.category === 'PKP' ? [index] : []));
  const pendingCount = Math.round(plan.counts.PKP * plan.pendingPkpShare);
  const pending = new Set(random.sample(pkpSlots, pendingCount));

  return slots.map(({ category, unit }, index) => {
    const profile = PROFILES[category];
    const isPending = pending.has(index);
    const contractStart = profile.contractStart(random, isPending);
    const person = people.create({
      districtCode: homeDistrictFor(random, unit.unit.regionCode),
      birthDate: randomDate(random, OLDEST_BIRTH_DATE, addYears(contractStart, -MIN_WORKING_AGE)),
      sex: random.chance(profile.femaleShare) ? 'F' : 'M',
    });
    return {
      worker: {
        nik: person.nik,
        name: person.name,
        category,
        unitCode: unit.unit.code,
        contractStart,
        contractEnd: profile.contractEnd(random),
        monthlyWage: String(profile.monthlyWage(random)),
      },
      person,
      registered: !isPending,
    };
  });
}
