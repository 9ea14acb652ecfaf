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
  // A unit's list at once: two registered, one refused for a wage below the 2016 UMP (Rp3,100,000).
  RegisterWorkers: {
    idempotencyKey: 'contoh-registrasi-daftar-0001',
    unitCode: 'KEC-317401',
    workers: [
      {
        nik: '3174014506959003',
        name: 'Ratna Sari',
        category: 'PKP',
        contractStart: '2016-05-02',
        monthlyWage: '3100000',
      },
      {
        nik: '3174011208919005',
        name: 'Agus Salim',
        category: 'PPSU',
        contractStart: '2016-05-02',
        monthlyWage: '3150000',
      },
      {
        nik: '3174016011939006',
        name: 'Yuni Astuti',
        category: 'PKP',
        contractStart: '2016-05-02',
        monthlyWage: '2500000',
      },
    ],
  },
  // One worker's story, each tab after the one before: registered (version 1), transferred (2),
  // wage corrected (3), contract ended. Run out of order, a tab answers VERSION_CONFLICT or NOT_FOUND.
  EndContract: {
    idempotencyKey: 'contoh-akhir-kontrak-0001',
    input: { nik: '3174014506959001', expectedVersion: 3, endDate: '2016-09-30', reason: 'Mengundurkan diri' },
  },
  TransferWorker: {
    idempotencyKey: 'contoh-mutasi-0001',
    input: { nik: '3174014506959001', expectedVersion: 1, toUnitCode: 'DINKES', effectiveDate: '2016-07-01' },
  },
  CorrectWage: {
    idempotencyKey: 'contoh-koreksi-upah-0001',
    input: { nik: '3174014506959001', expectedVersion: 2, monthlyWage: '3200000' },
  },
  // BPJS's writes: enrolment as dki_hr or bpjs_officer for ENROLMENT; ending cover as bpjs_officer
  // for ENROLMENT; claims as bpjs_officer for CLAIM_VERIFICATION. Fixed keys: a second run replays.
  EnrolParticipants: {
    registrarUnitCode: 'KEC-317401',
    idempotencyKey: 'contoh-pendaftaran-bpjs-0001',
    people: [
      { nik: '3174014506959002', name: 'Dewi Lestari', category: 'PKP', contractStart: '2016-04-01' },
      { nik: '3174010302900077', name: 'Ricky Setiawan', category: 'PKP', contractStart: '2016-03-01' },
    ],
  },
  EndCoverage: {
    kpj: '16195392158',
    until: '2016-12-31',
    programs: ['JKK', 'JKM'],
    expectedVersion: 1,
    idempotencyKey: 'contoh-akhir-kepesertaan-0001',
  },
  FileClaim: {
    kpj: '16195392158',
    program: 'JKK',
    incidentDate: '2016-06-01',
    amount: '5000000',
    regionCode: '31.74',
    filedOn: '2016-06-10',
    idempotencyKey: 'contoh-klaim-0001',
  },
  VerifyClaim: { id: 'KLM-2016-0002756', expectedVersion: 1, idempotencyKey: 'contoh-verifikasi-klaim-0001' },
  PayClaim: {
    id: 'KLM-2016-0002760',
    amount: '19229173',
    expectedVersion: 1,
    idempotencyKey: 'contoh-bayar-klaim-0001',
  },
  RejectClaim: {
    id: 'KLM-2016-0002766',
    reason: 'Dokumen tidak lengkap',
    expectedVersion: 1,
    idempotencyKey: 'contoh-tolak-klaim-0001',
  },
};
