/**
 * The rows of the shared "DKI 2016 world". The workforce subgraph seeds units and workers from it,
 * the BPJS subgraph participants, enrollments and claims; the NIK is what joins the two slices.
 * Dates are ISO `YYYY-MM-DD`; money is whole Rupiah as a decimal string, like the `Rupiah`
 * scalar, because national sums overflow 32-bit integers.
 */
export type UnitKind = 'SKPD' | 'UKPD';
export type WorkerCategory = 'PKP' | 'PPSU' | 'KEBERSIHAN';
export type Program = 'JKK' | 'JKM' | 'JHT' | 'JP' | 'JKP';
export type Segment = 'PU' | 'BPU' | 'JAKON' | 'PMI';
export type ClaimStatus = 'SUBMITTED' | 'VERIFIED' | 'PAID' | 'REJECTED';

export interface WorldUnit {
  code: string;
  name: string;
  kind: UnitKind;
  /** Kemendagri code at the unit's depth: `31`, `31.74`, `31.74.01` or `31.74.01.1001`. */
  regionCode: string;
  parentCode: string | null;
}

export interface WorldWorker {
  nik: string;
  name: string;
  category: WorkerCategory;
  unitCode: string;
  contractStart: string;
  contractEnd: string | null;
  monthlyWage: string;
}

export interface WorldParticipant {
  /** 11 digits, unique. */
  kpj: string;
  nik: string;
  name: string;
  segment: Segment;
  /** The DKI unit that registered this BPU participant collectively; null when not via Pemprov. */
  registrarUnitCode: string | null;
  registeredOn: string;
  /** NPP of the employer that registered this wage earner; set for every PU and only for them. */
  employerNpp: string | null;
}

/** An employer (pemberi kerja) registered with BPJS Ketenagakerjaan. */
export interface WorldEmployer {
  /** 8 digits, unique. */
  npp: string;
  name: string;
  /** Kemendagri regency code of the branch the employer is registered at, e.g. `31.74`. */
  regionCode: string;
  registeredOn: string;
}

export interface WorldEnrollment {
  kpj: string;
  program: Program;
  since: string;
  until: string | null;
}

export interface WorldClaim {
  /** `KLM-<filing year>-<7 digits>`, unique. */
  id: string;
  kpj: string;
  program: Program;
  filedOn: string;
  status: ClaimStatus;
  amount: string;
  /** Kemendagri regency code of the BPJS branch that handled the claim, e.g. `31.74`. */
  regionCode: string;
}

export interface World {
  preset: string;
  /** Sorted by code. */
  units: WorldUnit[];
  /** Sorted by NIK. */
  workers: WorldWorker[];
  /** Sorted by NPP. */
  employers: WorldEmployer[];
  /** Sorted by KPJ. */
  participants: WorldParticipant[];
  /** Sorted by KPJ, then programme code. */
  enrollments: WorldEnrollment[];
  /** Sorted by id. */
  claims: WorldClaim[];
}
