/**
 * The variables each saved operation's tab opens with, by operation name: records of the demo
 * preset (subgraphs/seed-world), so every tab answers as it opens on `pnpm start`'s data.
 * test/playground.e2e.ts runs every tab's operation with these through the gateway.
 */
export const EXAMPLE_VARIABLES: Readonly<Record<string, Record<string, unknown>>> = {
  ClaimsByProgram: { year: 2016, regionCode: '31' },
  CoverageByUnit: { kind: 'SKPD', first: 20 },
  UnitCoverage: { code: 'DINKES' },
  UnitDirectory: { kind: 'SKPD', first: 20 },
  UnitStaffWithBpjs: { code: 'KEC-317401', first: 5 },
  WorkerEnrolment: { nik: '3174010104930168' },
};
