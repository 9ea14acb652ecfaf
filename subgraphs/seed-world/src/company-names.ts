import type { Random } from './random';

/**
 * Indonesian company names: a legal form, two words of the auspicious vocabulary companies favour
 * ("Sinar Jaya", "Karya Mandiri"), and sometimes the trade. PT (Perseroan Terbatas) is the usual
 * employer; CV (Persekutuan Komanditer) and UD (Usaha Dagang) are small firms. The lists are
 * exported so that generators outside Node (the national preset's SQL) draw from the same words.
 */
// Repeated entries are weights: about 7 PT to 2 CV to 1 UD.
// prettier-ignore
export const COMPANY_FORMS: readonly string[] = ['PT', 'PT', 'PT', 'PT', 'PT', 'PT', 'PT', 'CV', 'CV', 'UD'];

// prettier-ignore
export const COMPANY_FIRST_WORDS: readonly string[] = [
  'Sinar', 'Karya', 'Cahaya', 'Bintang', 'Mitra', 'Surya', 'Putra', 'Bumi', 'Citra', 'Graha',
  'Duta', 'Mega', 'Adi', 'Tunas', 'Anugerah', 'Berkah', 'Harapan', 'Indo', 'Samudra', 'Panca',
  'Tri', 'Eka', 'Dwi', 'Cipta', 'Sumber', 'Mulia', 'Wahana', 'Artha', 'Nusa',
];

// prettier-ignore
export const COMPANY_SECOND_WORDS: readonly string[] = [
  'Jaya', 'Abadi', 'Makmur', 'Sentosa', 'Mandiri', 'Sejahtera', 'Utama', 'Perkasa', 'Lestari',
  'Sukses', 'Prima', 'Agung', 'Nusantara', 'Persada', 'Santosa', 'Gemilang', 'Pratama', 'Bersama',
  'Raya', 'Indah', 'Kencana', 'Baru', 'Timur', 'Selaras',
];

/** The trade, or '' for none (most names carry none, so '' is most of the list). */
// prettier-ignore
export const COMPANY_TRADES: readonly string[] = [
  '', '', '', '', '', '', '', '', '', '', '', '',
  'Tekstil', 'Logistik', 'Konstruksi', 'Elektronik', 'Plastindo', 'Farma', 'Motor', 'Transport',
  'Kimia', 'Garmen', 'Pangan', 'Teknik', 'Properti', 'Sawit', 'Printing', 'Makanan',
];

export function companyName(form: string, first: string, second: string, trade: string): string {
  return [form, first, second, trade].filter((part) => part !== '').join(' ');
}

export function randomCompanyName(random: Random): string {
  return companyName(
    random.pick(COMPANY_FORMS),
    random.pick(COMPANY_FIRST_WORDS),
    random.pick(COMPANY_SECOND_WORDS),
    random.pick(COMPANY_TRADES),
  );
}
