import { AGENCIES, CITIES_WITH_BRANCHES, DINAS_KEBERSIHAN } from './agencies';
import type { ClaimPlan, ClaimTotal } from './claims';
import type { EmployerPlan } from './employers';
import type { OtherParticipantPlan } from './participants';
import { CITIES, KECAMATAN } from './regions';
import { kelurahanSpreadOver, type UnitPlan } from './units';
import type { WorkerPlan } from './workers';

/** Everything that distinguishes one world from another: a new preset is a new entry here, not new code. */
export interface WorldParams {
  /** Seed of every random draw; change it and every row changes. */
  seed: string;
  units: UnitPlan;
  workers: WorkerPlan;
  otherParticipants: OtherParticipantPlan;
  employers: EmployerPlan;
  /** Share of eligible wage earners enrolled in JKP from 2022. */
  jkpShare: number;
  /** In filing order; within a period, scarcest claimants first (see fileClaims). */
  claims: readonly ClaimPlan[];
  /** Published grand totals the claims must meet exactly. */
  claimTotals: readonly ClaimTotal[];
}

export type PresetName = 'demo' | 'dki2016';

export const PRESETS: readonly PresetName[] = ['demo', 'dki2016'];

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
    ppsuInEveryKelurahan: false,
  },
  workers: {
    counts: { PKP: 2_200, PPSU: 500, KEBERSIHAN: 300 },
    pendingPkpShare: 0.01,
  },
  otherParticipants: {
    count: 320,
    segmentShares: { PU: 0.86, BPU: 0.07, JAKON: 0.04, PMI: 0.03 },
  },
  employers: { count: 40 },
  jkpShare: 0.5,
  claims: [
    { program: 'JP', count: 2, ...YEAR_2016 },
    { program: 'JKM', count: 4, ...YEAR_2016 },
    { program: 'JKK', count: 8, ...YEAR_2016 },
    { program: 'JHT', count: 210, ...YEAR_2016 },
    { program: 'JKP', count: 6, filedFrom: '2022-02-01', filedTo: '2023-12-31' },
  ],
  claimTotals: [],
};

/** The article's unit count: "250 ribu PKP yang berasal dari 300 unit SKPD/UKPD". */
const DKI2016_UNIT_COUNT = 300;
const DKI2016_SUKU_DINAS = Object.fromEntries(
  AGENCIES.filter((a) => a.branch !== null).map((a) => [a.code, CITIES_WITH_BRANCHES]),
);
const DKI2016_KELURAHAN_UNITS =
  DKI2016_UNIT_COUNT -
  AGENCIES.length -
  Object.keys(DKI2016_SUKU_DINAS).length * CITIES_WITH_BRANCHES.length -
  CITIES.length -
  KECAMATAN.length;
/** The article's "sepanjang 2016 … hingga saat ini": claims filed from New Year to the MoU of 16 March. */
const ARTICLE_2016 = { filedFrom: '2016-01-01', filedTo: '2016-03-15' } as const;

/**
 * `dki2016`: the article's Jakarta at full size. Every province-wide agency with a Suku Dinas in
 * each city, the 6 Kota/Kabupaten, all 44 kecamatan and as many kelurahan as make 300 units; all
 * 267 kelurahan field a PPSU crew. The article's DKI claims, exactly: 35,452 claims, Rp504 bn, of
 * which JHT 34,685 for Rp490.2 bn and JKM 239 at the 2016 benefit. JP claims keep their natural
 * lump-sum amounts (a few months of 3% contributions) and JKK absorbs the rest of the total, since
 * its amounts (medical care without a ceiling, wage replacement) are the ones that really vary.
 */
const DKI2016: WorldParams = {
  seed: 'jembatan/dki2016/2016-03-16',
  units: {
    agencies: AGENCIES.map((a) => a.code),
    sukuDinas: DKI2016_SUKU_DINAS,
    kecamatan: KECAMATAN.map((k) => k.code),
    kelurahan: kelurahanSpreadOver(DKI2016_KELURAHAN_UNITS),
    ppsuInEveryKelurahan: true,
  },
  workers: {
    counts: { PKP: 250_000, PPSU: 18_000, KEBERSIHAN: 13_526 },
    pendingPkpShare: 0,
  },
  otherParticipants: {
    count: 150_000,
    segmentShares: { PU: 0.86, BPU: 0.07, JAKON: 0.04, PMI: 0.03 },
  },
  // The article: "60.423 perusahaan aktif" in DKI, February 2016.
  employers: { count: 60_423 },
  jkpShare: 0.5,
  claims: [
    { program: 'JP', count: 54, ...ARTICLE_2016 },
    { program: 'JKM', count: 239, ...ARTICLE_2016 },
    { program: 'JKK', count: 474, ...ARTICLE_2016 },
    { program: 'JHT', count: 34_685, totalAmount: 490_200_000_000, ...ARTICLE_2016 },
    { program: 'JKP', count: 600, filedFrom: '2022-02-01', filedTo: '2023-12-31' },
  ],
  claimTotals: [{ ...ARTICLE_2016, amount: 504_000_000_000, absorbedBy: 'JKK' }],
};

export const PRESET_PARAMS: Readonly<Record<PresetName, WorldParams>> = { demo: DEMO, dki2016: DKI2016 };
