import { registerEnumType } from 'type-graphql';

export enum UnitKind {
  SKPD = 'SKPD',
  UKPD = 'UKPD',
}

export enum WorkerCategory {
  PKP = 'PKP',
  PPSU = 'PPSU',
  KEBERSIHAN = 'KEBERSIHAN',
}

registerEnumType(UnitKind, {
  name: 'UnitKind',
  description: 'Level of a Pemprov DKI work unit.',
  valuesConfig: {
    SKPD: {
      description: 'Satuan Kerja Perangkat Daerah: a dinas, badan, biro, city or regency administration, or kecamatan.',
    },
    UKPD: { description: 'Unit Kerja Perangkat Daerah: a unit under an SKPD, e.g. a Suku Dinas, UPT or kelurahan.' },
  },
});

registerEnumType(WorkerCategory, {
  name: 'WorkerCategory',
  description: 'The kind of contract under which a non-civil-servant works for Pemprov DKI.',
  valuesConfig: {
    PKP: { description: 'Pekerja Kontrak Perorangan: individual contract staff of any unit (250,000 in 2016).' },
    PPSU: { description: 'Penanganan Prasarana dan Sarana Umum: kelurahan public-works crews ("pasukan oranye").' },
    KEBERSIHAN: { description: 'Field workers of Dinas Kebersihan (street and river cleaning), non-PNS.' },
  },
});
