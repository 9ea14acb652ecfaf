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

export const workforceSeeds: SeedCatalog = {
  presets: PRESETS,
  postgresOnly: [],
  tables: ['unit', 'worker'],
  plan: (preset) => ({ tables: workforceTables(preset as PresetName), steps: [] }),
};
