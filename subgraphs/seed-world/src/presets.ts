import { DINAS_KEBERSIHAN } from './agencies';
import type { ClaimPlan } from './claims';
import type { OtherParticipantPlan } from './participants';
import type { UnitPlan } from './units';
import type { WorkerPlan } from './workers';

/**
 * Everything that distinguishes one world from another. A new preset (the design's `dki2016`:
 * 300 units, 250,000 PKP, 18,000 PPSU, 13,526 KEBERSIHAN and the article's exact claim counts
 * and totals via `ClaimPlan.totalAmount`) is a new entry here, not new code.
 */
export interface WorldParams {
  /** Seed of every random draw; change it and every row changes. */
  seed: string;
  units: UnitPlan;
  workers: WorkerPlan;
  otherParticipants: OtherParticipantPlan;
  /** Share of eligible wage earners enrolled in JKP from 2022. */
  jkpShare: number;
  /** In filing order; within a period, scarcest claimants first (see fileClaims). */
  claims: readonly ClaimPlan[];
}

export type PresetName = 'demo';

export const PRESETS: readonly PresetName[] = ['demo'];

const YEAR_2016 = { filedFrom: '2016-01-01', filedTo: '2016-12-31' } as const;

/**
 * `demo`: small enough to load in seconds, with every case the schema can show. The 2016 claim
 * mix follows the article's (JHT ≈ 98%) but keeps a few of each rarer programme, which a strictly
 * proportional sample of 220 claims would round away.
 */
const DEMO: WorldParams = {
  seed: 'jembatan/demo/2016',
  units: {
    agencies: [
      DINAS_KEBERSIHAN,
      'DISTAMKAM',
      'DTA',
      'DINKES',
      'DISDIK',
      'DISHUBTRANS',
      'DPKPB',
      'DINSOS',
      'SATPOLPP',
      'BPKD',
      'BAPPEDA',
    ],
    sukuDinas: {
      [DINAS_KEBERSIHAN]: ['JP', 'JU', 'JB', 'JS', 'JT'],
      DINKES: ['JS', 'JT'],
      DTA: ['JS', 'JT'],
      DISHUBTRANS: ['JB'],
      DISTAMKAM: ['JU'],
    },
    kecamatan: [],
    kelurahan: [
      '31.74.01.1001', // Tebet Timur
      '31.74.01.1002', // Tebet Barat
      '31.74.01.1003', // Menteng Dalam
      '31.74.02.1002', // Karet Semanggi
      '31.74.02.1008', // Kuningan Timur
      '31.71.01.1001', // Gambir
      '31.71.01.1002', // Cideng
      '31.72.01.1001', // Penjaringan
      '31.72.01.1005', // Pluit
      '31.01.01.1001', // Pulau Panggang
    ],
  },
  workers: {
    counts: { PKP: 2_200, PPSU: 500, KEBERSIHAN: 300 },
    pendingPkpShare: 0.01,
  },
  otherParticipants: {
    count: 320,
    segmentShares: { PU: 0.86, BPU: 0.07, JAKON: 0.04, PMI: 0.03 },
  },
  jkpShare: 0.5,
  claims: [
    { program: 'JP', count: 2, ...YEAR_2016 },
    { program: 'JKM', count: 4, ...YEAR_2016 },
    { program: 'JKK', count: 8, ...YEAR_2016 },
    { program: 'JHT', count: 210, ...YEAR_2016 },
    { program: 'JKP', count: 6, filedFrom: '2022-02-01', filedTo: '2023-12-31' },
  ],
};

export const PRESET_PARAMS: Readonly<Record<PresetName, WorldParams>> = { demo: DEMO };
