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
  // The writes (dki_hr, HR_ADMINISTRATION). Their fixed keys make a second run a replay: it answers
  // the first result with `replayed: true` and changes nothing; edit the key to make a new change.
  RegisterWorker: {
    idempotencyKey: 'contoh-registrasi-0001',
    input: {
      nik: '3174014506959001',
      name: 'Siti Nurhaliza',
      category: 'PKP',
      unitCode: 'KEC-317401',
      contractStart: '2016-04-01',
      contractEnd: '2016-12-31',
      monthlyWage: '3100000',
    },
  },
  EndContract: {
    idempotencyKey: 'contoh-akhir-kontrak-0001',
    input: { nik: '3174014506959001', expectedVersion: 1, endDate: '2016-09-30', reason: 'Mengundurkan diri' },
  },
  TransferWorker: {
    idempotencyKey: 'contoh-mutasi-0001',
    input: { nik: '3174014506959001', expectedVersion: 1, toUnitCode: 'DINKES', effectiveDate: '2016-07-01' },
  },
  CorrectWage: {
    idempotencyKey: 'contoh-koreksi-upah-0001',
    input: { nik: '3174014506959001', expectedVersion: 1, monthlyWage: '3200000' },
  },
};
