import { registerEnumType } from 'type-graphql';

/**
 * Pemprov DKI's contract categories, which BPJS's enrolments name too: one GraphQL enum for both
 * agencies, registered once here so their definitions are identical and federation merges them.
 */
export enum WorkerCategory {
  PKP = 'PKP',
  PPSU = 'PPSU',
  KEBERSIHAN = 'KEBERSIHAN',
}

registerEnumType(WorkerCategory, {
  name: 'WorkerCategory',
  description: 'The kind of contract under which a non-civil-servant works for Pemprov DKI.',
  valuesConfig: {
    PKP: { description: 'Pekerja Kontrak Perorangan: individual contract staff of any unit (250,000 in 2016).' },
    PPSU: { description: 'Penanganan Prasarana dan Sarana Umum: kelurahan public-works crews ("pasukan oranye").' },
    KEBERSIHAN: { description: 'Field workers of Dinas Kebersihan (street and river cleaning), non-PNS.' },
  },
});
