/**
 * Province-wide agencies (dinas, badan, satuan) of Pemprov DKI under their 2016 names, before the
 * 2017 restructuring (Perda 5/2016) merged or renamed many of them; domain.md §4.3. Names marked
 * unverified there are kept because they are the best 2016 names we have.
 */
export interface Agency {
  /** Unit code, our own convention (see the kit's unit-code rule). */
  code: string;
  name: string;
  /**
   * City branches (Suku Dinas), if the agency has them: the code part between `SUDIN-` and the
   * city abbreviation, and the name that precedes the city's name.
   */
  branch: { codePart: string; name: string } | null;
  /** Relative number of PKP contract staff at the head office. */
  pkpWeight: number;
}

export const DINAS_KEBERSIHAN = 'DINKEBERSIHAN';

// prettier-ignore
export const AGENCIES: readonly Agency[] = [
  agency(DINAS_KEBERSIHAN, 'Dinas Kebersihan', ['KEBERSIHAN', 'Suku Dinas Kebersihan'], 3),
  agency('DISTAMKAM', 'Dinas Pertamanan dan Pemakaman', ['TAMKAM', 'Suku Dinas Pertamanan dan Pemakaman'], 5),
  agency('DTA', 'Dinas Tata Air', ['TA', 'Suku Dinas Tata Air'], 5),
  agency('DINKES', 'Dinas Kesehatan', ['KES', 'Suku Dinas Kesehatan'], 9),
  agency('DISDIK', 'Dinas Pendidikan', ['DIK', 'Suku Dinas Pendidikan'], 12),
  agency('DISHUBTRANS', 'Dinas Perhubungan dan Transportasi', ['HUB', 'Suku Dinas Perhubungan dan Transportasi'], 7),
  agency('DINBINAMARGA', 'Dinas Bina Marga', ['BM', 'Suku Dinas Bina Marga'], 5),
  agency('DPKPB', 'Dinas Pemadam Kebakaran dan Penanggulangan Bencana', ['DAMKAR', 'Suku Dinas Pemadam Kebakaran dan Penanggulangan Bencana'], 4),
  agency('DINSOS', 'Dinas Sosial', ['SOS', 'Suku Dinas Sosial'], 4),
  agency('DISDUKCAPIL', 'Dinas Kependudukan dan Pencatatan Sipil', ['DUKCAPIL', 'Suku Dinas Kependudukan dan Pencatatan Sipil'], 2),
  agency('DISNAKERTRANS', 'Dinas Tenaga Kerja dan Transmigrasi', ['NAKERTRANS', 'Suku Dinas Tenaga Kerja dan Transmigrasi'], 2),
  agency('SATPOLPP', 'Satuan Polisi Pamong Praja', null, 6),
  agency('BPKD', 'Badan Pengelola Keuangan Daerah', null, 3),
  agency('BAPPEDA', 'Badan Perencanaan Pembangunan Daerah', null, 1.5),
  agency('BPLHD', 'Badan Pengelola Lingkungan Hidup Daerah', null, 1.5),
  agency('BPTSP', 'Badan Pelayanan Terpadu Satu Pintu', null, 3),
  agency('BKD', 'Badan Kepegawaian Daerah', null, 1.5),
  // Used only by the full-size dki2016 preset; names as in domain.md §4.3's 2016 list.
  agency('DISKOMINFOMAS', 'Dinas Komunikasi, Informatika dan Kehumasan', null, 2),
  agency('DISPARBUD', 'Dinas Pariwisata dan Kebudayaan', ['PARBUD', 'Suku Dinas Pariwisata dan Kebudayaan'], 3),
  agency('DISORDA', 'Dinas Olahraga dan Pemuda', ['ORDA', 'Suku Dinas Olahraga dan Pemuda'], 3),
  agency('DKUMKMP', 'Dinas Koperasi, Usaha Mikro, Kecil dan Menengah, dan Perdagangan', ['KUMKMP', 'Suku Dinas Koperasi, Usaha Mikro, Kecil dan Menengah, dan Perdagangan'], 2),
  agency('DPGP', 'Dinas Perumahan dan Gedung Pemerintah Daerah', ['PERUMAHAN', 'Suku Dinas Perumahan dan Gedung Pemerintah Daerah'], 3),
  agency('DKPKP', 'Dinas Kelautan, Pertanian dan Ketahanan Pangan', ['KPKP', 'Suku Dinas Kelautan, Pertanian dan Ketahanan Pangan'], 3),
  agency('DISPENKOTA', 'Dinas Penataan Kota', ['PENKOTA', 'Suku Dinas Penataan Kota'], 2),
  agency('DPE', 'Dinas Perindustrian dan Energi', ['PE', 'Suku Dinas Perindustrian dan Energi'], 2),
  agency('BPAD', 'Badan Pengelola Aset Daerah', null, 1.5),
  agency('BPRD', 'Badan Pajak dan Retribusi Daerah', null, 2),
  agency('BPBD', 'Badan Penanggulangan Bencana Daerah', null, 1.5),
  agency('INSPEKTORAT', 'Inspektorat', null, 1),
];

/** Abbreviations of the five cities that have Suku Dinas; Kepulauan Seribu is served from them. */
export const CITIES_WITH_BRANCHES = ['JP', 'JU', 'JB', 'JS', 'JT'] as const;

const agenciesByCode = new Map(AGENCIES.map((a) => [a.code, a]));

export function getAgency(code: string): Agency {
  const found = agenciesByCode.get(code);
  if (found === undefined) throw new Error(`Unknown agency ${code}`);
  return found;
}

function agency(
  code: string,
  name: string,
  branch: readonly [codePart: string, name: string] | null,
  pkpWeight: number,
): Agency {
  return { code, name, branch: branch && { codePart: branch[0], name: branch[1] }, pkpWeight };
}
