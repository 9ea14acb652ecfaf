/**
 * DKI Jakarta's territory as Kemendagri codes them (the same codes a NIK embeds; BPS numbers the
 * cities differently, see domain.md §0). The set is identical in the 2016 and 2025 Kemendagri
 * lists: 6 regencies/cities, 44 kecamatan, 267 kelurahan, numbered `.1001`, `.1002`, … per
 * kecamatan in the order given here.
 */
export const DKI_PROVINCE_CODE = '31';

export interface City {
  code: string;
  /** The administrative unit's own name, e.g. "Kota Administrasi Jakarta Selatan". */
  officialName: string;
  /** The name used in unit names such as "Suku Dinas Kesehatan Jakarta Selatan". */
  shortName: string;
  /** Two letters for unit codes, e.g. `SUDIN-KES-JS`. */
  abbreviation: string;
}

export interface Kecamatan {
  code: string;
  name: string;
  cityCode: string;
}

export interface Kelurahan {
  code: string;
  name: string;
  kecamatanCode: string;
}

export const CITIES: readonly City[] = [
  city('31.01', 'Kabupaten Administrasi', 'Kepulauan Seribu', 'KS'),
  city('31.71', 'Kota Administrasi', 'Jakarta Pusat', 'JP'),
  city('31.72', 'Kota Administrasi', 'Jakarta Utara', 'JU'),
  city('31.73', 'Kota Administrasi', 'Jakarta Barat', 'JB'),
  city('31.74', 'Kota Administrasi', 'Jakarta Selatan', 'JS'),
  city('31.75', 'Kota Administrasi', 'Jakarta Timur', 'JT'),
];

type KecamatanRow = readonly [code: string, name: string, kelurahan: readonly string[]];

// prettier-ignore
const KECAMATAN_ROWS: readonly KecamatanRow[] = [
  // 31.01
  ['31.01.01', 'Kepulauan Seribu Utara', ['Pulau Panggang', 'Pulau Kelapa', 'Pulau Harapan']],
  ['31.01.02', 'Kepulauan Seribu Selatan', ['Pulau Untung Jawa', 'Pulau Tidung', 'Pulau Pari']],
  // 31.71
  ['31.71.01', 'Gambir', ['Gambir', 'Cideng', 'Petojo Utara', 'Petojo Selatan', 'Kebon Kelapa', 'Duri Pulo']],
  ['31.71.02', 'Sawah Besar', ['Pasar Baru', 'Karang Anyar', 'Kartini', 'Gunung Sahari Utara', 'Mangga Dua Selatan']],
  ['31.71.03', 'Kemayoran', ['Kemayoran', 'Kebon Kosong', 'Harapan Mulia', 'Serdang', 'Gunung Sahari Selatan', 'Cempaka Baru', 'Sumur Batu', 'Utan Panjang']],
  ['31.71.04', 'Senen', ['Senen', 'Kenari', 'Paseban', 'Kramat', 'Kwitang', 'Bungur']],
  ['31.71.05', 'Cempaka Putih', ['Cempaka Putih Timur', 'Cempaka Putih Barat', 'Rawasari']],
  ['31.71.06', 'Menteng', ['Menteng', 'Pegangsaan', 'Cikini', 'Gondangdia', 'Kebon Sirih']],
  ['31.71.07', 'Tanah Abang', ['Gelora', 'Bendungan Hilir', 'Karet Tengsin', 'Petamburan', 'Kebon Melati', 'Kebon Kacang', 'Kampung Bali']],
  ['31.71.08', 'Johar Baru', ['Johar Baru', 'Kampung Rawa', 'Galur', 'Tanah Tinggi']],
  // 31.72
  ['31.72.01', 'Penjaringan', ['Penjaringan', 'Kamal Muara', 'Kapuk Muara', 'Pejagalan', 'Pluit']],
  ['31.72.02', 'Tanjung Priok', ['Tanjung Priok', 'Sunter Jaya', 'Papanggo', 'Sungai Bambu', 'Kebon Bawang', 'Sunter Agung', 'Warakas']],
  ['31.72.03', 'Koja', ['Koja', 'Tugu Utara', 'Lagoa', 'Rawa Badak Utara', 'Tugu Selatan', 'Rawa Badak Selatan']],
  ['31.72.04', 'Cilincing', ['Cilincing', 'Sukapura', 'Marunda', 'Kalibaru', 'Semper Timur', 'Rorotan', 'Semper Barat']],
  ['31.72.05', 'Pademangan', ['Pademangan Timur', 'Pademangan Barat', 'Ancol']],
  ['31.72.06', 'Kelapa Gading', ['Kelapa Gading Timur', 'Pegangsaan Dua', 'Kelapa Gading Barat']],
  // 31.73
  ['31.73.01', 'Cengkareng', ['Cengkareng Barat', 'Duri Kosambi', 'Rawa Buaya', 'Kedaung Kali Angke', 'Kapuk', 'Cengkareng Timur']],
  ['31.73.02', 'Grogol Petamburan', ['Grogol', 'Tanjung Duren Utara', 'Tomang', 'Jelambar', 'Tanjung Duren Selatan', 'Jelambar Baru', 'Wijaya Kusuma']],
  ['31.73.03', 'Taman Sari', ['Taman Sari', 'Krukut', 'Maphar', 'Tangki', 'Mangga Besar', 'Keagungan', 'Glodok', 'Pinangsia']],
  ['31.73.04', 'Tambora', ['Tambora', 'Kali Anyar', 'Duri Utara', 'Tanah Sereal', 'Krendang', 'Jembatan Besi', 'Angke', 'Jembatan Lima', 'Pekojan', 'Roa Malaka', 'Duri Selatan']],
  ['31.73.05', 'Kebon Jeruk', ['Kebon Jeruk', 'Sukabumi Utara', 'Sukabumi Selatan', 'Kelapa Dua', 'Duri Kepa', 'Kedoya Utara', 'Kedoya Selatan']],
  ['31.73.06', 'Kalideres', ['Kalideres', 'Semanan', 'Tegal Alur', 'Kamal', 'Pegadungan']],
  ['31.73.07', 'Pal Merah', ['Palmerah', 'Slipi', 'Kota Bambu Utara', 'Jatipulo', 'Kemanggisan', 'Kota Bambu Selatan']],
  ['31.73.08', 'Kembangan', ['Kembangan Utara', 'Meruya Utara', 'Meruya Selatan', 'Srengseng', 'Joglo', 'Kembangan Selatan']],
  // 31.74
  ['31.74.01', 'Tebet', ['Tebet Timur', 'Tebet Barat', 'Menteng Dalam', 'Kebon Baru', 'Bukit Duri', 'Manggarai Selatan', 'Manggarai']],
  ['31.74.02', 'Setiabudi', ['Setia Budi', 'Karet Semanggi', 'Karet Kuningan', 'Karet', 'Menteng Atas', 'Pasar Manggis', 'Guntur', 'Kuningan Timur']],
  ['31.74.03', 'Mampang Prapatan', ['Mampang Prapatan', 'Bangka', 'Pela Mampang', 'Tegal Parang', 'Kuningan Barat']],
  ['31.74.04', 'Pasar Minggu', ['Pasar Minggu', 'Jati Padang', 'Cilandak Timur', 'Ragunan', 'Pejaten Timur', 'Pejaten Barat', 'Kebagusan']],
  ['31.74.05', 'Kebayoran Lama', ['Kebayoran Lama Utara', 'Pondok Pinang', 'Cipulir', 'Grogol Utara', 'Grogol Selatan', 'Kebayoran Lama Selatan']],
  ['31.74.06', 'Cilandak', ['Cilandak Barat', 'Lebak Bulus', 'Pondok Labu', 'Gandaria Selatan', 'Cipete Selatan']],
  ['31.74.07', 'Kebayoran Baru', ['Melawai', 'Gunung', 'Kramat Pela', 'Selong', 'Rawa Barat', 'Senayan', 'Pulo', 'Petogogan', 'Gandaria Utara', 'Cipete Utara']],
  ['31.74.08', 'Pancoran', ['Pancoran', 'Kalibata', 'Rawajati', 'Duren Tiga', 'Pengadegan', 'Cikoko']],
  ['31.74.09', 'Jagakarsa', ['Jagakarsa', 'Srengseng Sawah', 'Ciganjur', 'Lenteng Agung', 'Tanjung Barat', 'Cipedak']],
  ['31.74.10', 'Pesanggrahan', ['Pesanggrahan', 'Bintaro', 'Petukangan Utara', 'Petukangan Selatan', 'Ulujami']],
  // 31.75
  ['31.75.01', 'Matraman', ['Pisangan Baru', 'Utan Kayu Utara', 'Kayu Manis', 'Palmeriam', 'Kebon Manggis', 'Utan Kayu Selatan']],
  ['31.75.02', 'Pulogadung', ['Pulo Gadung', 'Pisangan Timur', 'Cipinang', 'Jatinegara Kaum', 'Rawamangun', 'Kayu Putih', 'Jati']],
  ['31.75.03', 'Jatinegara', ['Kampung Melayu', 'Bidara Cina', 'Bali Mester', 'Rawa Bunga', 'Cipinang Cempedak', 'Cipinang Muara', 'Cipinang Besar Selatan', 'Cipinang Besar Utara']],
  ['31.75.04', 'Kramatjati', ['Kramatjati', 'Tengah', 'Dukuh', 'Batu Ampar', 'Balekambang', 'Cililitan', 'Cawang']],
  ['31.75.05', 'Pasar Rebo', ['Gedong', 'Baru', 'Cijantung', 'Kalisari', 'Pekayon']],
  ['31.75.06', 'Cakung', ['Jatinegara', 'Rawa Terate', 'Penggilingan', 'Cakung Timur', 'Pulo Gebang', 'Ujung Menteng', 'Cakung Barat']],
  ['31.75.07', 'Duren Sawit', ['Duren Sawit', 'Pondok Bambu', 'Klender', 'Pondok Kelapa', 'Malaka Sari', 'Malaka Jaya', 'Pondok Kopi']],
  ['31.75.08', 'Makasar', ['Makasar', 'Pinangranti', 'Kebon Pala', 'Halim Perdana Kusuma', 'Cipinang Melayu']],
  ['31.75.09', 'Ciracas', ['Ciracas', 'Cibubur', 'Kelapa Dua Wetan', 'Susukan', 'Rambutan']],
  ['31.75.10', 'Cipayung', ['Cipayung', 'Cilangkap', 'Pondok Ranggon', 'Munjul', 'Setu', 'Bambu Apus', 'Lubang Buaya', 'Ceger']],];

export const KECAMATAN: readonly Kecamatan[] = KECAMATAN_ROWS.map(([code, name]) => ({
  code,
  name,
  cityCode: code.slice(0, 5),
}));

export const KELURAHAN: readonly Kelurahan[] = KECAMATAN_ROWS.flatMap(([kecamatanCode, , names]) =>
  names.map((name, index) => ({
    code: `${kecamatanCode}.${1001 + index}`,
    name,
    kecamatanCode,
  })),
);

// The get* lookups throw: an unknown code in a preset is a programming error, not data.
const citiesByCode = new Map(CITIES.map((c) => [c.code, c]));
const kecamatanByCode = new Map(KECAMATAN.map((k) => [k.code, k]));
const kelurahanByCode = new Map(KELURAHAN.map((k) => [k.code, k]));

export function getCity(code: string): City {
  return found(citiesByCode.get(code), 'city', code);
}

export function getCityByAbbreviation(abbreviation: string): City {
  return found(
    CITIES.find((c) => c.abbreviation === abbreviation),
    'city abbreviation',
    abbreviation,
  );
}

export function getKecamatan(code: string): Kecamatan {
  return found(kecamatanByCode.get(code), 'kecamatan', code);
}

export function getKelurahan(code: string): Kelurahan {
  return found(kelurahanByCode.get(code), 'kelurahan', code);
}

export function kecamatanOfCity(cityCode: string): readonly Kecamatan[] {
  return KECAMATAN.filter((k) => k.cityCode === cityCode);
}

export function kelurahanOfKecamatan(kecamatanCode: string): readonly Kelurahan[] {
  return KELURAHAN.filter((k) => k.kecamatanCode === kecamatanCode);
}

function city(code: string, kind: string, shortName: string, abbreviation: string): City {
  return { code, officialName: `${kind} ${shortName}`, shortName, abbreviation };
}

function found<T>(value: T | undefined, what: string, code: string): T {
  if (value === undefined) throw new Error(`Unknown DKI ${what} ${code}`);
  return value;
}
