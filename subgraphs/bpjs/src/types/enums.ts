import { registerEnumType } from 'type-graphql';

export enum Program {
  JKK = 'JKK',
  JKM = 'JKM',
  JHT = 'JHT',
  JP = 'JP',
  JKP = 'JKP',
}

export enum Segment {
  PU = 'PU',
  BPU = 'BPU',
  JAKON = 'JAKON',
  PMI = 'PMI',
}

export enum ClaimStatus {
  SUBMITTED = 'SUBMITTED',
  VERIFIED = 'VERIFIED',
  PAID = 'PAID',
  REJECTED = 'REJECTED',
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

registerEnumType(Segment, {
  name: 'Segment',
  description: 'The participation segment, which decides the programmes and contribution rules.',
  valuesConfig: {
    PU: { description: 'Penerima Upah: wage earners registered by an employer.' },
    BPU: {
      description:
        'Bukan Penerima Upah: non-wage earners, registered individually or collectively (e.g. PKP of Pemprov DKI).',
    },
    JAKON: { description: 'Jasa Konstruksi: workers on construction projects.' },
    PMI: { description: 'Pekerja Migran Indonesia: Indonesian migrant workers.' },
  },
});

registerEnumType(ClaimStatus, {
  name: 'ClaimStatus',
  description: 'Where a claim stands in its processing.',
  valuesConfig: {
    SUBMITTED: { description: 'Filed, not yet verified.' },
    VERIFIED: { description: 'Documents verified, payment pending.' },
    PAID: { description: 'Benefit paid out.' },
    REJECTED: { description: 'Refused (not eligible or incomplete).' },
  },
});
