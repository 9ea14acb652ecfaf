import { Program } from '@jembatan/kit';
import { registerEnumType } from 'type-graphql';

export { Program };

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
