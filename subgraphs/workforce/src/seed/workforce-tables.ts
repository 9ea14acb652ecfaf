import type { SeedCatalog, TableRows } from '@jembatan/kit';
import { PRESETS, sharedWorld, type PresetName } from '@jembatan/seed-world';

/**
 * The workforce registry's slice of a seed world: units and workers. Both agencies seed from
 * the same deterministic world, the way BPJS's records came from Pemprov's registration files.
 */
export function workforceTables(preset: PresetName): TableRows[] {
  const world = sharedWorld(preset);
  return [
    {
      table: 'unit',
      columns: ['code', 'name', 'kind', 'region_code', 'parent_code'],
      rows: world.units.map((u) => [u.code, u.name, u.kind, u.regionCode, u.parentCode]),
    },
    {
      table: 'worker',
      columns: ['nik', 'name', 'category', 'unit_code', 'contract_start', 'contract_end', 'monthly_wage'],
      rows: world.workers.map((w) => [
        w.nik,
        w.name,
        w.category,
        w.unitCode,
        w.contractStart,
        w.contractEnd,
        w.monthlyWage,
      ]),
    },
  ];
}

/**
 * `national` is BPJS at national size; Pemprov DKI's registry only ever covers DKI, so its slice
 * of the national preset is the dki2016 workforce. It stays PostgreSQL-only like the BPJS side,
 * so that one preset name means one kind of deployment for both agencies.
 */
const NATIONAL_PRESET = 'national';

export const workforceSeeds: SeedCatalog = {
  presets: [...PRESETS, NATIONAL_PRESET],
  postgresOnly: [NATIONAL_PRESET],
  tables: ['unit', 'worker'],
  plan: (preset) => ({
    tables: workforceTables(preset === NATIONAL_PRESET ? 'dki2016' : (preset as PresetName)),
    steps: [],
  }),
};
