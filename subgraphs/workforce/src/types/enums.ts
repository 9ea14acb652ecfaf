import { WorkerCategory } from '@jembatan/kit';
import { registerEnumType } from 'type-graphql';

export { WorkerCategory };

export enum UnitKind {
  SKPD = 'SKPD',
  UKPD = 'UKPD',
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
