import { PROVINCES, regenciesOf } from './provinces';
import { floatArray, intArray, textArray, uniform } from './sql-random';

/**
 * The province and regency tables as SQL array literals, so that a draw is an array subscript
 * rather than a join. Provinces are 1-based in PROVINCES order; regencies are numbered across all
 * provinces, each province's contiguous from its offset.
 */
const regencies = PROVINCES.map(regenciesOf);
const total = PROVINCES.reduce((sum, p) => sum + p.weight, 0);
const thresholds = PROVINCES.map((_, index) => PROVINCES.slice(0, index).reduce((sum, p) => sum + p.weight / total, 0));
const offsets = regencies.map((_, index) => regencies.slice(0, index).reduce((sum, list) => sum + list.length, 0));
const allRegencies = regencies.flat();

const PROVINCE_THRESHOLDS = floatArray(thresholds);
const REGENCY_OFFSETS = intArray(offsets);
const REGENCY_COUNTS = intArray(regencies.map((list) => list.length));
export const REGENCY_CODES = textArray(allRegencies.map((r) => r.code));
export const REGENCY_DIGITS = textArray(allRegencies.map((r) => r.code.replace('.', '')));
export const KECAMATAN_COUNTS = intArray(allRegencies.map((r) => r.kecamatan));

/** A province index (1-based), weighted by the provinces' shares of wage earners. */
export function provinceIndex(row: string, stream: string): string {
  return `width_bucket(${uniform(row, stream)}, ${PROVINCE_THRESHOLDS})`;
}

/** A regency index (1-based, national) within the province `province`, uniformly. */
export function regencyIndex(province: string, row: string, stream: string): string {
  return `((${REGENCY_OFFSETS})[${province}] + 1 + floor(${uniform(row, stream)} * (${REGENCY_COUNTS})[${province}])::int)`;
}
