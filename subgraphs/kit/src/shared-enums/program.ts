import { registerEnumType } from 'type-graphql';

/**
 * BPJS Ketenagakerjaan's programmes: one GraphQL enum for every agency that names them (BPJS for
 * its enrolments and claims, Pemprov DKI for the cover it is missing), registered once here so
 * the subgraphs' definitions are identical and federation merges them.
 */
export enum Program {
  JKK = 'JKK',
  JKM = 'JKM',
  JHT = 'JHT',
  JP = 'JP',
  JKP = 'JKP',
}

registerEnumType(Program, {
  name: 'Program',
  description: 'A BPJS Ketenagakerjaan social-security programme.',
  valuesConfig: {
    JKK: { description: 'Jaminan Kecelakaan Kerja: work-accident and occupational-disease cover.' },
    JKM: { description: 'Jaminan Kematian: death benefit (Rp24,000,000 under PP 44/2015).' },
    JHT: { description: 'Jaminan Hari Tua: old-age savings paid out as a lump sum.' },
    JP: { description: 'Jaminan Pensiun: pension, for wage earners (PU) only, since 1 July 2015.' },
    JKP: { description: 'Jaminan Kehilangan Pekerjaan: job-loss benefit, since 2021 (PP 37/2021).' },
  },
});
