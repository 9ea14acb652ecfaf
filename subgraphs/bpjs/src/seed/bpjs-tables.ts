import type { SeedCatalog, TableRows } from '@jembatan/kit';
import { PRESETS, sharedWorld, type PresetName } from '@jembatan/seed-world';
import { refreshUnitCoverageChanges } from '../summaries/unit-coverage-changes';

/** BPJS's slice of a seed world: participants, their enrolments and their claims. */
export function bpjsTables(preset: PresetName): TableRows[] {
  const world = sharedWorld(preset);
  return [
    {
      table: 'participant',
      columns: ['kpj', 'nik', 'name', 'segment', 'registrar_unit_code', 'registered_on'],
      rows: world.participants.map((p) => [p.kpj, p.nik, p.name, p.segment, p.registrarUnitCode, p.registeredOn]),
    },
    {
      table: 'enrollment',
      columns: ['kpj', 'program', 'since', 'until'],
      rows: world.enrollments.map((e) => [e.kpj, e.program, e.since, e.until]),
    },
    {
      table: 'claim',
      columns: ['id', 'kpj', 'program', 'filed_on', 'status', 'amount', 'region_code'],
      rows: world.claims.map((c) => [c.id, c.kpj, c.program, c.filedOn, c.status, c.amount, c.regionCode]),
    },
  ];
}

export const bpjsSeeds: SeedCatalog = {
  presets: PRESETS,
  postgresOnly: [],
  tables: ['participant', 'enrollment', 'claim', 'unit_coverage_change'],
  plan: (preset) => {
    const tables = bpjsTables(preset as PresetName);
    const enrollments = tables.find((t) => t.table === 'enrollment')?.rows.length ?? 0;
    return { tables, steps: [refreshUnitCoverageChanges(enrollments)] };
  },
};
