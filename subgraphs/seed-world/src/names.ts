import type { Random } from './random';

/**
 * Indonesian personal names. Indonesians have no obligatory family name: many Javanese have a
 * single name, most city dwellers two or three given names, and Batak, Manado or Ambonese people
 * carry a clan name (marga) last. Endings such as -a/-i (Saputra/Saputri) or -wati mark sex, so
 * each list is gendered where the names are.
 */
export type Sex = 'F' | 'M';

// prettier-ignore
export const MALE_GIVEN_NAMES: readonly string[] = [
  'Agus', 'Ahmad', 'Andi', 'Arif', 'Asep', 'Bambang', 'Bayu', 'Budi', 'Dani', 'Dedi', 'Dimas',
  'Eko', 'Fajar', 'Fikri', 'Firman', 'Gilang', 'Hadi', 'Hasan', 'Hendra', 'Ilham', 'Irfan',
  'Iwan', 'Joko', 'Muhammad', 'Nanang', 'Rahmat', 'Reza', 'Ricky', 'Rizal', 'Rizki', 'Rudi',
  'Sigit', 'Slamet', 'Taufik', 'Teguh', 'Ujang', 'Wahyu', 'Yoga', 'Yusuf', 'Aditya', 'Bonifasius',
  'Yohanes', 'Stefanus', 'Heru', 'Imam', 'Syahrul', 'Fauzi', 'Doni', 'Hendrik', 'Abdul',
];

// prettier-ignore
export const FEMALE_GIVEN_NAMES: readonly string[] = [
  'Siti', 'Sri', 'Dewi', 'Nur', 'Ratna', 'Ayu', 'Putri', 'Fitri', 'Rina', 'Wulan', 'Yuni',
  'Indah', 'Maya', 'Novi', 'Rini', 'Nurul', 'Kartika', 'Anisa', 'Aulia', 'Rahma', 'Intan',
  'Lia', 'Ratih', 'Endang', 'Yanti', 'Tuti', 'Ani', 'Maria', 'Theresia', 'Agustina',
  'Fransiska', 'Dian', 'Eka', 'Lina', 'Mega', 'Nabila', 'Citra', 'Dina', 'Evi', 'Heni',
];

/** Javanese single names, the whole name on a KTP. */
// prettier-ignore
export const MALE_SINGLE_NAMES: readonly string[] = [
  'Suparman', 'Sutrisno', 'Sumardi', 'Suwarno', 'Mulyadi', 'Supriyadi', 'Haryanto', 'Paimin',
  'Sukirman', 'Darsono', 'Tukiman', 'Karyono',
];

// prettier-ignore
export const FEMALE_SINGLE_NAMES: readonly string[] = [
  'Sumarni', 'Suminah', 'Sulastri', 'Sukarsih', 'Marni', 'Suyati', 'Wartini', 'Sutinah',
  'Painem', 'Tumini', 'Rusmini', 'Kasiyem',
];

// prettier-ignore
export const MALE_SECOND_NAMES: readonly string[] = [
  'Saputra', 'Pratama', 'Santoso', 'Setiawan', 'Kurniawan', 'Nugroho', 'Hidayat', 'Gunawan',
  'Wibowo', 'Purnomo', 'Hartono', 'Firmansyah', 'Ramadhan', 'Maulana', 'Permana', 'Susanto',
  'Wijaya', 'Hakim', 'Rahman', 'Syahputra', 'Prasetyo', 'Sudrajat', 'Iskandar', 'Hermawan',
];

// prettier-ignore
export const FEMALE_SECOND_NAMES: readonly string[] = [
  'Saputri', 'Pratiwi', 'Lestari', 'Wulandari', 'Rahmawati', 'Handayani', 'Kusumawati',
  'Sari', 'Anggraini', 'Permatasari', 'Puspitasari', 'Safitri', 'Rahayu', 'Susanti',
  'Oktaviani', 'Maharani', 'Fitriani', 'Novitasari',
];

/** Clan names, the same for men and women. */
// prettier-ignore
export const MARGA: readonly string[] = [
  'Siregar', 'Nasution', 'Simanjuntak', 'Harahap', 'Lubis', 'Sitompul', 'Pangaribuan',
  'Tampubolon', 'Manurung', 'Sinaga', 'Hutapea', 'Situmorang', 'Sembiring', 'Ginting',
  'Lumbantobing', 'Pasaribu', 'Wenas', 'Pattiasina',
];

export function givenNamesFor(sex: Sex): readonly string[] {
  return sex === 'F' ? FEMALE_GIVEN_NAMES : MALE_GIVEN_NAMES;
}

export function singleNamesFor(sex: Sex): readonly string[] {
  return sex === 'F' ? FEMALE_SINGLE_NAMES : MALE_SINGLE_NAMES;
}

export type NameShape = 'single' | 'two' | 'three' | 'marga';

/** How often each shape of name occurs: a single name, two or three names, a name and a marga. */
export const NAME_SHAPE_WEIGHTS: readonly (readonly [NameShape, number])[] = [
  ['single', 12],
  ['two', 58],
  ['three', 18],
  ['marga', 12],
];

export function randomName(random: Random, sex: Sex): string {
  const shape = random.weighted(NAME_SHAPE_WEIGHTS);
  if (shape === 'single') return random.pick(singleNamesFor(sex));
  const given = random.pick(givenNamesFor(sex));
  if (shape === 'marga') return `${given} ${random.pick(MARGA)}`;
  const second = random.pick(sex === 'F' ? FEMALE_SECOND_NAMES : MALE_SECOND_NAMES);
  if (shape === 'two') return `${given} ${second}`;
  const middle = random.pick(givenNamesFor(sex).filter((name) => name !== given));
  return `${given} ${middle} ${second}`;
}
