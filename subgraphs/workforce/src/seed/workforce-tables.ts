import type { Cell, SeedCatalog, TableRows } from '@jembatan/kit';
import { PRESETS, sharedWorld, type PresetName, type World } from '@jembatan/seed-world';

/**
 * The workforce registry's slice of a seed world: units, workers and what BPJS told DKI of their cover. Both agencies seed from
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
    {
      table: 'bpjs_cover',
      columns: ['nik', 'program', 'since', 'until', 'kpj', 'registrar_unit_code'],
      rows: bpjsCoverRows(world),
    },
  ];
}

/**
 * BPJS's cover of the participants Pemprov DKI registered, as its events would have told DKI: the
 * seed world's enrolments of every participant with a registering DKI unit.
 */
function bpjsCoverRows(world: World): Cell[][] {
  const registeredByDki = new Map(
    world.participants.filter((p) => p.registrarUnitCode !== null).map((p) => [p.kpj, p]),
  );
  return world.enrollments.flatMap((e) => {
    const participant = registeredByDki.get(e.kpj);
    return participant ? [[participant.nik, e.program, e.since, e.until, e.kpj, participant.registrarUnitCode]] : [];
  });
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
  tables: ['unit', 'worker', 'bpjs_cover'],
  plan: (preset) => ({
    tables: workforceTables(preset === NATIONAL_PRESET ? 'dki2016' : (preset as PresetName)),
    steps: [],
  }),
};
