import { DINAS_KEBERSIHAN, getAgency } from './agencies';
import { apportion } from './apportion';
import {
  CITIES,
  DKI_PROVINCE_CODE,
  getCity,
  getCityByAbbreviation,
  getKecamatan,
  getKelurahan,
  KECAMATAN,
  kelurahanOfKecamatan,
  type City,
} from './regions';
import type { WorldUnit } from './types';

/**
 * The unit hierarchy, one consistent reading of how DKI spoke in 2016 (domain.md §4.3): an SKPD
 * has its own budget, a UKPD works under an SKPD.
 *
 *   Dinas / Badan / Satpol PP              SKPD, region 31, no parent
 *     └ Suku Dinas <X> <city>              UKPD, region = the city (31.74)
 *   Kota / Kabupaten Administrasi          SKPD, region = the city, no parent
 *     └ Kecamatan                          SKPD, region = the kecamatan (31.74.01)
 *         └ Kelurahan                      UKPD, region = the kelurahan (31.74.01.1001)
 *
 * So a UKPD's parent is always an SKPD, an SKPD's parent is null or its Kota/Kabupaten, and every
 * unit's region lies within its parent's.
 */
export interface UnitPlan {
  /** Province-wide agencies to include, by code (see agencies.ts). */
  agencies: readonly string[];
  /** Suku Dinas to open: agency code → city abbreviations (`JS`, …). */
  sukuDinas: Readonly<Record<string, readonly string[]>>;
  /** Kecamatan to include by Kemendagri code, besides those of the listed kelurahan. */
  kecamatan: readonly string[];
  /** Kelurahan to include by Kemendagri code; each brings its kecamatan. */
  kelurahan: readonly string[];
  /**
   * Whether every one of DKI's 267 kelurahan fields a PPSU crew (as the 2015 programme did), not
   * only those in the plan. A kelurahan that is not a unit of its own books its crew under its
   * kecamatan, which must then be in the plan.
   */
  ppsuInEveryKelurahan: boolean;
}

/** A unit plus what the worker generator needs to know about it. */
export interface PlannedUnit {
  unit: WorldUnit;
  /** Relative share of PKP contract staff. */
  pkpWeight: number;
  /** Relative share of Dinas Kebersihan field workers; 0 for every other unit. */
  kebersihanWeight: number;
  /** Kelurahan (by Kemendagri code) whose PPSU crew this unit employs; a crew works for one kelurahan. */
  ppsuCrews: readonly string[];
}

/** Relative PKP staffing of regional units, against the agencies' weights in agencies.ts. */
const REGIONAL_PKP_WEIGHT = { kota: 3, kabupaten: 1.5, kecamatan: 1.2, kelurahan: 0.5 } as const;
/** A Suku Dinas has this share of its agency's head-office PKP staffing. */
const BRANCH_PKP_SHARE = 0.4;
/** Street crews mostly belong to the city branches; the head office keeps a few (river crews). */
const KEBERSIHAN_WEIGHT = { headOffice: 0.3, branch: 1 } as const;

export function planUnits(plan: UnitPlan): PlannedUnit[] {
  const units: PlannedUnit[] = [];
  const add = (unit: WorldUnit, traits: Partial<Omit<PlannedUnit, 'unit'>> = {}): void => {
    units.push({ unit, pkpWeight: 0, kebersihanWeight: 0, ppsuCrews: [], ...traits });
  };

  for (const code of plan.agencies) {
    const agency = getAgency(code);
    add(
      { code, name: agency.name, kind: 'SKPD', regionCode: DKI_PROVINCE_CODE, parentCode: null },
      {
        pkpWeight: agency.pkpWeight,
        kebersihanWeight: code === DINAS_KEBERSIHAN ? KEBERSIHAN_WEIGHT.headOffice : 0,
      },
    );
  }

  for (const [agencyCode, abbreviations] of Object.entries(plan.sukuDinas)) {
    const agency = getAgency(agencyCode);
    if (!plan.agencies.includes(agencyCode) || agency.branch === null) {
      throw new Error(`Suku Dinas of ${agencyCode} need the agency in the plan and a branch name`);
    }
    for (const abbreviation of abbreviations) {
      const city = getCityByAbbreviation(abbreviation);
      add(
        {
          code: `SUDIN-${agency.branch.codePart}-${abbreviation}`,
          name: `${agency.branch.name} ${city.shortName}`,
          kind: 'UKPD',
          regionCode: city.code,
          parentCode: agencyCode,
        },
        {
          pkpWeight: agency.pkpWeight * BRANCH_PKP_SHARE,
          kebersihanWeight: agencyCode === DINAS_KEBERSIHAN ? KEBERSIHAN_WEIGHT.branch : 0,
        },
      );
    }
  }

  for (const city of CITIES) {
    const kabupaten = isKabupaten(city);
    add(
      {
        code: cityUnitCode(city),
        name: city.officialName,
        kind: 'SKPD',
        regionCode: city.code,
        parentCode: null,
      },
      { pkpWeight: kabupaten ? REGIONAL_PKP_WEIGHT.kabupaten : REGIONAL_PKP_WEIGHT.kota },
    );
  }

  const kelurahan = plan.kelurahan.map(getKelurahan);
  const kecamatanCodes = new Set([...plan.kecamatan, ...kelurahan.map((k) => k.kecamatanCode)]);
  const listedKelurahan = new Set(plan.kelurahan);
  for (const kecamatan of [...kecamatanCodes].map(getKecamatan)) {
    const unlistedCrews = plan.ppsuInEveryKelurahan
      ? kelurahanOfKecamatan(kecamatan.code)
          .map((k) => k.code)
          .filter((code) => !listedKelurahan.has(code))
      : [];
    add(
      {
        code: `KEC-${digits(kecamatan.code)}`,
        name: `Kecamatan ${kecamatan.name}`,
        kind: 'SKPD',
        regionCode: kecamatan.code,
        parentCode: cityUnitCode(getCity(kecamatan.cityCode)),
      },
      { pkpWeight: REGIONAL_PKP_WEIGHT.kecamatan, ppsuCrews: unlistedCrews },
    );
  }
  for (const k of kelurahan) {
    add(
      {
        code: `KEL-${digits(k.code)}`,
        name: `Kelurahan ${k.name}`,
        kind: 'UKPD',
        regionCode: k.code,
        parentCode: `KEC-${digits(k.kecamatanCode)}`,
      },
      { pkpWeight: REGIONAL_PKP_WEIGHT.kelurahan, ppsuCrews: [k.code] },
    );
  }

  const codes = new Set(units.map((u) => u.unit.code));
  if (codes.size !== units.length) throw new Error('The unit plan lists a unit twice');
  if (plan.ppsuInEveryKelurahan && kecamatanCodes.size !== KECAMATAN.length) {
    throw new Error('PPSU in every kelurahan needs every kecamatan in the plan to book unlisted crews');
  }
  return units;
}

/**
 * `count` kelurahan spread over the 44 kecamatan in proportion to their size, the first ones of
 * each in Kemendagri order: a fixed rule, so the selection never depends on a random draw.
 */
export function kelurahanSpreadOver(count: number): string[] {
  const perKecamatan = apportion(
    count,
    KECAMATAN.map((k) => kelurahanOfKecamatan(k.code).length),
  );
  return KECAMATAN.flatMap((k, index) =>
    kelurahanOfKecamatan(k.code)
      .slice(0, perKecamatan[index] ?? 0)
      .map((kelurahan) => kelurahan.code),
  );
}

/** Kemendagri numbers kabupaten 01–69 and kota from 71. */
function isKabupaten(city: City): boolean {
  return Number(city.code.slice(3)) < 71;
}

function cityUnitCode(city: City): string {
  return `${isKabupaten(city) ? 'KAB' : 'KOTA'}-${digits(city.code)}`;
}

function digits(regionCode: string): string {
  return regionCode.replaceAll('.', '');
}
