/**
 * The provinces of 2016 outside DKI Jakarta, with their Kemendagri codes (the ones a NIK starts
 * with). The four Papua provinces of 2022 (93–96) did not exist yet. Regency counts are those of
 * the mid-2010s and the weights (a province's share of wage earners, in per cent) are rough
 * estimates from the size of its formal workforce [U]: enough for a plausible map, not a census.
 */
export interface Province {
  code: string;
  name: string;
  /** Kabupaten are numbered 01, 02, …; kota from 71. */
  kabupaten: number;
  kota: number;
  weight: number;
}

// prettier-ignore
export const PROVINCES: readonly Province[] = [
  { code: '11', name: 'Aceh', kabupaten: 18, kota: 5, weight: 1.2 },
  { code: '12', name: 'Sumatera Utara', kabupaten: 25, kota: 8, weight: 6 },
  { code: '13', name: 'Sumatera Barat', kabupaten: 12, kota: 7, weight: 1.6 },
  { code: '14', name: 'Riau', kabupaten: 10, kota: 2, weight: 3.5 },
  { code: '15', name: 'Jambi', kabupaten: 9, kota: 2, weight: 1 },
  { code: '16', name: 'Sumatera Selatan', kabupaten: 13, kota: 4, weight: 2.6 },
  { code: '17', name: 'Bengkulu', kabupaten: 9, kota: 1, weight: 0.5 },
  { code: '18', name: 'Lampung', kabupaten: 13, kota: 2, weight: 1.8 },
  { code: '19', name: 'Kepulauan Bangka Belitung', kabupaten: 6, kota: 1, weight: 0.6 },
  { code: '21', name: 'Kepulauan Riau', kabupaten: 5, kota: 2, weight: 2.4 },
  { code: '32', name: 'Jawa Barat', kabupaten: 18, kota: 9, weight: 18 },
  { code: '33', name: 'Jawa Tengah', kabupaten: 29, kota: 6, weight: 10 },
  { code: '34', name: 'DI Yogyakarta', kabupaten: 4, kota: 1, weight: 1.2 },
  { code: '35', name: 'Jawa Timur', kabupaten: 29, kota: 9, weight: 15 },
  { code: '36', name: 'Banten', kabupaten: 4, kota: 4, weight: 8 },
  { code: '51', name: 'Bali', kabupaten: 8, kota: 1, weight: 2.2 },
  { code: '52', name: 'Nusa Tenggara Barat', kabupaten: 8, kota: 2, weight: 0.8 },
  { code: '53', name: 'Nusa Tenggara Timur', kabupaten: 21, kota: 1, weight: 0.6 },
  { code: '61', name: 'Kalimantan Barat', kabupaten: 12, kota: 2, weight: 1.5 },
  { code: '62', name: 'Kalimantan Tengah', kabupaten: 13, kota: 1, weight: 1.4 },
  { code: '63', name: 'Kalimantan Selatan', kabupaten: 11, kota: 2, weight: 1.8 },
  { code: '64', name: 'Kalimantan Timur', kabupaten: 7, kota: 3, weight: 3.5 },
  { code: '65', name: 'Kalimantan Utara', kabupaten: 4, kota: 1, weight: 0.4 },
  { code: '71', name: 'Sulawesi Utara', kabupaten: 11, kota: 4, weight: 0.9 },
  { code: '72', name: 'Sulawesi Tengah', kabupaten: 12, kota: 1, weight: 0.7 },
  { code: '73', name: 'Sulawesi Selatan', kabupaten: 21, kota: 3, weight: 3 },
  { code: '74', name: 'Sulawesi Tenggara', kabupaten: 15, kota: 2, weight: 0.6 },
  { code: '75', name: 'Gorontalo', kabupaten: 5, kota: 1, weight: 0.3 },
  { code: '76', name: 'Sulawesi Barat', kabupaten: 6, kota: 0, weight: 0.2 },
  { code: '81', name: 'Maluku', kabupaten: 9, kota: 2, weight: 0.4 },
  { code: '82', name: 'Maluku Utara', kabupaten: 8, kota: 2, weight: 0.3 },
  { code: '91', name: 'Papua', kabupaten: 28, kota: 1, weight: 0.7 },
  { code: '92', name: 'Papua Barat', kabupaten: 12, kota: 1, weight: 0.4 },
];

export interface Regency {
  /** `PP.KK`, e.g. `32.73`. */
  code: string;
  /** Kecamatan are numbered 01 up to this. */
  kecamatan: number;
}

/** A province's regencies: kabupaten 01…, then kota 71…; 5 to 30 kecamatan each, fixed per code. */
export function regenciesOf(province: Province): Regency[] {
  const numbers = [
    ...Array.from({ length: province.kabupaten }, (_, k) => k + 1),
    ...Array.from({ length: province.kota }, (_, k) => k + 71),
  ];
  return numbers.map((n) => {
    const code = `${province.code}.${String(n).padStart(2, '0')}`;
    return { code, kecamatan: 5 + ((Number(province.code) * 31 + n * 17) % 26) };
  });
}
