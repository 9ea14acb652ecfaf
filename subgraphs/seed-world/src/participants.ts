import { apportion } from './apportion';
import { branchRegionFor } from './branches';
import { addYears, randomDate, type IsoDate } from './dates';
import {
  canJoinJkp,
  jkpEnrollment,
  otherParticipantEnrollments,
  pemprovCoverageStart,
  pemprovWorkerEnrollments,
} from './enrollments';
import { homeDistrictFor } from './home-district';
import type { KpjRegistry } from './kpj';
import type { PeopleRegistry, Person } from './people';
import type { Random } from './random';
import { DKI_PROVINCE_CODE } from './regions';
import type { Segment, WorldEnrollment, WorldParticipant, WorldUnit } from './types';
import { UMP_2016 } from './wages';
import type { GeneratedWorker } from './workers';

/** A participant with the private facts the claim generator needs but the world does not publish. */
export interface ParticipantRecord {
  participant: WorldParticipant;
  /** Mutable: a paid claim can end a membership. */
  enrollments: WorldEnrollment[];
  person: Person;
  /** Monthly wage (wage earners) or declared income (BPU) in 2016 Rupiah. */
  wageIn2016: number;
  /** Kemendagri regency code of the BPJS branch that serves this participant. */
  branchRegionCode: string;
}

export interface OtherParticipantPlan {
  /** DKI residents covered by BPJS who do not work for Pemprov DKI. */
  count: number;
  /** Relative shares; counts are apportioned exactly. */
  segmentShares: Readonly<Record<Segment, number>>;
}

/**
 * Every registered Pemprov contract worker becomes a BPU participant, registered collectively by
 * the worker's unit, with the wage as declared income.
 */
export function registerWorkers(
  workers: readonly GeneratedWorker[],
  unitsByCode: ReadonlyMap<string, WorldUnit>,
  kpjs: KpjRegistry,
): ParticipantRecord[] {
  return workers
    .filter((w) => w.registered)
    .map(({ worker, person }) => {
      const registeredOn = pemprovCoverageStart(worker.category, worker.contractStart);
      const kpj = kpjs.issue(registeredOn);
      const unit = unitsByCode.get(worker.unitCode);
      if (unit === undefined) throw new Error(`Worker at unknown unit ${worker.unitCode}`);
      // Province-wide units have no city of their own: the worker's home city's branch serves.
      const regency =
        unit.regionCode === DKI_PROVINCE_CODE ? person.districtCode.slice(0, 5) : unit.regionCode.slice(0, 5);
      return {
        participant: {
          kpj,
          nik: person.nik,
          name: person.name,
          segment: 'BPU',
          registrarUnitCode: worker.unitCode,
          registeredOn,
          employerNpp: null,
        },
        enrollments: pemprovWorkerEnrollments(kpj, worker.category, worker.contractStart),
        person,
        wageIn2016: Number(worker.monthlyWage),
        branchRegionCode: branchRegionFor(regency),
      };
    });
}

const OLDEST_BIRTH_DATE: IsoDate = '1960-01-01';
const MIN_WORKING_AGE = 18;

interface SegmentProfile {
  registeredOn(random: Random): IsoDate;
  wageIn2016(random: Random): number;
  femaleShare: number;
}

/**
 * Wage earners joined over two decades (KPJ numbers carried over from Jamsostek), the others are
 * recent. Wages are log-normal around a Jakarta formal-sector median, never below the UMP; BPU
 * declare a round income band.
 */
const SEGMENTS: Readonly<Record<Segment, SegmentProfile>> = {
  PU: {
    registeredOn: (random) => {
      const [from, to] = random.weighted<readonly [IsoDate, IsoDate]>([
        [['1995-01-01', '2004-12-31'], 1.5],
        [['2005-01-01', '2011-12-31'], 3],
        [['2012-01-01', '2016-06-30'], 5.5],
      ]);
      return randomDate(random, from, to);
    },
    wageIn2016: (random) => atLeastUmp(roundTo(random.logNormal(4_300_000, 0.45), 1_000)),
    femaleShare: 0.4,
  },
  BPU: {
    registeredOn: (random) => randomDate(random, '2014-01-01', '2016-06-30'),
    wageIn2016: (random) => Math.max(1_000_000, roundTo(random.logNormal(2_500_000, 0.3), 100_000)),
    femaleShare: 0.35,
  },
  JAKON: {
    registeredOn: (random) => randomDate(random, '2015-01-01', '2016-09-30'),
    wageIn2016: (random) => atLeastUmp(roundTo(random.logNormal(4_000_000, 0.35), 1_000)),
    femaleShare: 0.05,
  },
  PMI: {
    registeredOn: (random) => randomDate(random, '2014-01-01', '2016-06-30'),
    wageIn2016: (random) => atLeastUmp(roundTo(random.logNormal(4_000_000, 0.35), 1_000)),
    femaleShare: 0.7,
  },
};

const SEGMENT_ORDER: readonly Segment[] = ['PU', 'BPU', 'JAKON', 'PMI'];

export function generateOtherParticipants(
  random: Random,
  people: PeopleRegistry,
  kpjs: KpjRegistry,
  plan: OtherParticipantPlan,
): ParticipantRecord[] {
  const counts = apportion(
    plan.count,
    SEGMENT_ORDER.map((s) => plan.segmentShares[s]),
  );
  return SEGMENT_ORDER.flatMap((segment, index) =>
    Array.from({ length: counts[index] ?? 0 }, () => {
      const profile = SEGMENTS[segment];
      const registeredOn = profile.registeredOn(random);
      const person = people.create({
        districtCode: homeDistrictFor(random, DKI_PROVINCE_CODE),
        birthDate: randomDate(random, OLDEST_BIRTH_DATE, addYears(registeredOn, -MIN_WORKING_AGE)),
        sex: random.chance(profile.femaleShare) ? 'F' : 'M',
      });
      const kpj = kpjs.issue(registeredOn);
      return {
        participant: {
          kpj,
          nik: person.nik,
          name: person.name,
          segment,
          registrarUnitCode: null,
          registeredOn,
          employerNpp: null,
        },
        enrollments: otherParticipantEnrollments(random, kpj, segment, registeredOn),
        person,
        wageIn2016: profile.wageIn2016(random),
        branchRegionCode: branchRegionFor(person.districtCode.slice(0, 5)),
      };
    }),
  );
}

/** Enrols a share of the wage earners still covered in 2022 in the new JKP programme. */
export function enrollInJkp(random: Random, records: readonly ParticipantRecord[], share: number) {
  for (const record of records) {
    const { segment, kpj } = record.participant;
    if (canJoinJkp(segment, record.person.birthDate, record.enrollments) && random.chance(share)) {
      record.enrollments.push(jkpEnrollment(kpj));
    }
  }
}

function roundTo(value: number, step: number): number {
  return Math.round(value / step) * step;
}

function atLeastUmp(wage: number): number {
  return Math.max(UMP_2016, wage);
}
