import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain, type Caller, type Purpose } from '@jembatan/kit';
import { encodeNik } from '@jembatan/kit/identifiers';
import { generateWorld } from '@jembatan/seed-world';
import { publishedBody, startSupergraph, type RunningSupergraph } from './harness';

const world = generateWorld('demo');
const pkpWorker = world.workers.find(
  (w) => w.category === 'PKP' && world.participants.some((p) => p.nik === w.nik && p.registrarUnitCode),
)!;
/** A PKP participant covered by JKM and JKK from March 2016, for claims. */
const claimant = world.participants.find(
  (p) => p.registrarUnitCode && world.workers.some((w) => w.nik === p.nik && w.category === 'PKP'),
)!;

const HR: Caller = { subject: 'siti.rahma@jakarta.go.id', agency: 'pemprov-dki', roles: ['dki_hr'] };
const OFFICER: Caller = { subject: 'budi@bpjsketenagakerjaan.go.id', agency: 'bpjs-tk', roles: ['bpjs_officer'] };
const nikOf = (n: number) => encodeNik({ districtCode: '31.74.01', birthDate: '1950-02-03', sex: 'M', serial: n });
const person = (n: number, extra: Record<string, unknown> = {}) => ({
  nik: nikOf(n),
  name: `Pekerja Baru ${n}`,
  category: 'PKP',
  contractStart: '2016-04-01',
  ...extra,
});

interface Outcome {
  index: number;
  nik: string;
  status: string;
  kpj: string;
  code: string | null;
  programs: { program: string; since: string }[];
}
/** What a write answers, loosely: each test reads the fields its operation selects. */
type Answer = Record<string, unknown> & { outcomes: Outcome[]; claim: Record<string, unknown> & { id: string } };
type Answers = Record<
  'enrolParticipants' | 'endCoverage' | 'fileClaim' | 'verifyClaim' | 'payClaim' | 'rejectClaim',
  Answer
>;

let supergraph: RunningSupergraph;
beforeAll(async () => {
  supergraph = await startSupergraph();
});
afterAll(() => supergraph?.stop());

const bpjsSql = <T = Record<string, unknown>>(text: string, parameters?: unknown[]) =>
  supergraph.bpjs.database.dataSource.query<T[]>(text, parameters);

async function send(operation: string, variables: Record<string, unknown>, as: Caller, purpose: Purpose) {
  const requestId = randomUUID();
  const { status, body } = await supergraph.query<Answers>(publishedBody(operation), variables, {
    as,
    purpose,
    headers: { 'x-request-id': requestId },
  });
  expect(status).toBe(200);
  return { requestId, data: body.data, errors: body.errors ?? [] };
}
const codesOf = (errors: { extensions?: Record<string, unknown> }[]) => errors.map((e) => e.extensions?.code);
const enrol = (people: unknown[], idempotencyKey: string, as = HR, purpose: Purpose = 'ENROLMENT') =>
  send('EnrolParticipants', { registrarUnitCode: 'KEC-317401', people, idempotencyKey }, as, purpose);

describe('BPJS writes through the gateway', () => {
  it('enrols a unit’s workers in one call, once however often it is retried, with one audit record and one event each', async () => {
    const key = randomUUID();
    const people = [
      person(1),
      person(2, { category: 'PPSU' }),
      { ...person(3), nik: pkpWorker.nik },
      person(4, { programs: ['JP'] }),
    ];
    const first = await enrol(people, key);
    expect(first.errors).toEqual([]);
    const result = first.data!.enrolParticipants;
    expect({ ...result, outcomes: undefined }).toEqual({
      registrarUnitCode: 'KEC-317401',
      enrolled: 2,
      alreadyEnrolled: 1,
      refused: 1,
      replayed: false,
      outcomes: undefined,
    });
    expect(result.outcomes.map((o) => [o.nik, o.status, o.code])).toEqual([
      [nikOf(1), 'ENROLLED', null],
      [nikOf(2), 'ENROLLED', null],
      [pkpWorker.nik, 'ALREADY_ENROLLED', null],
      [nikOf(4), 'REFUSED', 'PROGRAM_NOT_AVAILABLE'],
    ]);
    expect(result.outcomes[0]!.programs).toEqual([
      { program: 'JKK', since: '2016-04-01' },
      { program: 'JKM', since: '2016-04-01' },
      { program: 'JHT', since: '2017-01-01' },
    ]);
    const kpjs = result.outcomes.slice(0, 2).map((o) => o.kpj);

    const retried = await enrol(people, key);
    expect(retried.data!.enrolParticipants).toEqual({ ...result, replayed: true });
    expect(
      await bpjsSql(`SELECT count(*)::int AS n FROM participant WHERE nik = ANY($1)`, [[nikOf(1), nikOf(2)]]),
    ).toEqual([{ n: 2 }]);
    const events = await bpjsSql<{ type: string; ordering_key: string; payload: unknown }>(
      `SELECT type, ordering_key, payload FROM outbox_event WHERE payload->>'kpj' = ANY($1) ORDER BY position`,
      [kpjs],
    );
    expect(events).toEqual([
      {
        type: 'ParticipantEnrolled',
        ordering_key: `nik:${nikOf(1)}`,
        payload: {
          nik: nikOf(1),
          kpj: kpjs[0],
          registrarUnitCode: 'KEC-317401',
          programs: result.outcomes[0]!.programs,
        },
      },
      {
        type: 'ParticipantEnrolled',
        ordering_key: `nik:${nikOf(2)}`,
        payload: {
          nik: nikOf(2),
          kpj: kpjs[1],
          registrarUnitCode: 'KEC-317401',
          programs: result.outcomes[1]!.programs,
        },
      },
    ]);
    const records = await bpjsSql<{
      action: string;
      caller_roles: string[];
      purpose: string;
      subjects: string[];
      changes: string[];
    }>(`SELECT action, caller_roles, purpose, subjects, changes FROM audit_log WHERE request_id = $1 ORDER BY action`, [
      first.requestId,
    ]);
    // The write's record, and the read of the KPJs and cover the answer shows its caller.
    expect(records.map((r) => r.action)).toEqual(['READ', 'WRITE']);
    records.shift();
    expect(records[0]).toMatchObject({ action: 'WRITE', caller_roles: ['dki_hr'], purpose: 'ENROLMENT' });
    expect([...records[0]!.subjects].sort()).toEqual(
      [`kpj:${kpjs[0]}`, `kpj:${kpjs[1]}`, `nik:${nikOf(1)}`, `nik:${nikOf(2)}`].sort(),
    );
    // Digests of the new values, never the values.
    expect(records[0]!.changes.join(' ')).not.toContain(nikOf(1));
    expect(records[0]!.changes.map((c) => c.split('=')[0])).toEqual([
      'Participant.enrollments',
      'Participant.kpj',
      'Participant.name',
      'Participant.registrarUnitCode',
    ]);
    // A replay writes nothing: only its answer's read is recorded.
    expect(await bpjsSql(`SELECT action FROM audit_log WHERE request_id = $1`, [retried.requestId])).toEqual([
      { action: 'READ' },
    ]);
    expect((await verifyAuditChain(supergraph.bpjs.database)).firstBroken).toBeNull();
  });

  it('refuses a reused key with other input, a batch over 1,000, and callers the write rules do not name, recording each attempt', async () => {
    const key = randomUUID();
    expect((await enrol([person(10)], key)).errors).toEqual([]);
    expect(codesOf((await enrol([person(11)], key)).errors)).toEqual(['IDEMPOTENCY_KEY_REUSED']);

    const tooMany = Array.from({ length: 1001 }, (_, n) => person(100 + n));
    const large = await enrol(tooMany, randomUUID());
    expect(large.errors.map((e) => e.extensions)).toEqual([
      expect.objectContaining({ code: 'BATCH_TOO_LARGE', maximum: 1000 }),
    ]);

    const asAnalyst = await enrol([person(12)], randomUUID(), { ...HR, roles: ['analyst'] }, 'STATISTICS');
    const wrongPurpose = await enrol([person(12)], randomUUID(), HR, 'HR_ADMINISTRATION');
    expect(codesOf(asAnalyst.errors)).toEqual(['FORBIDDEN']);
    expect(codesOf(wrongPurpose.errors)).toEqual(['FORBIDDEN']);
    // A unit's HR officer (the identity provider's units claim, through the gateway) submits only their unit's workers.
    const otherUnit = await enrol([person(13)], randomUUID(), { ...HR, units: ['KEC-317402'] });
    expect(otherUnit.errors.map((e) => e.extensions)).toEqual([
      expect.objectContaining({ code: 'FORBIDDEN', unitCode: 'KEC-317401', units: ['KEC-317402'] }),
    ]);
    const ownUnit = await enrol([person(13)], randomUUID(), { ...HR, units: ['KEC-317401'] });
    expect(ownUnit.errors).toEqual([]);
    expect(await bpjsSql(`SELECT count(*)::int AS n FROM participant WHERE nik = $1`, [nikOf(12)])).toEqual([{ n: 0 }]);
    const refused = await bpjsSql<{ action: string; refusal_code: string; subjects: string[]; changes: string[] }>(
      `SELECT action, refusal_code, subjects, changes FROM audit_log WHERE request_id = $1`,
      [wrongPurpose.requestId],
    );
    expect(refused).toEqual([
      { action: 'WRITE_REFUSED', refusal_code: 'FORBIDDEN', subjects: [`nik:${nikOf(12)}`], changes: [] },
    ]);
    expect(
      (await bpjsSql(`SELECT refusal_code FROM audit_log WHERE request_id = $1`, [large.requestId])).map(
        (r) => r.refusal_code,
      ),
    ).toEqual(['BATCH_TOO_LARGE']);
  });

  it('ends cover at the version read, refusing a stale one, and tells DKI by CoverageEnded', async () => {
    const enrolled = await enrol([person(20)], randomUUID());
    const kpj = enrolled.data!.enrolParticipants.outcomes[0]!.kpj;
    const end = (expectedVersion: number, idempotencyKey = randomUUID()) =>
      send('EndCoverage', { kpj, until: '2016-12-31', expectedVersion, idempotencyKey }, OFFICER, 'ENROLMENT');

    const stale = await end(7);
    expect(stale.errors.map((e) => e.extensions)).toEqual([
      expect.objectContaining({ code: 'VERSION_CONFLICT', currentVersion: 1, expectedVersion: 7 }),
    ]);
    // JHT starts in 2017: it cannot end in 2016.
    expect(codesOf((await end(1)).errors)).toEqual(['INVALID_DATE_RANGE']);
    const ended = await send(
      'EndCoverage',
      { kpj, until: '2016-12-31', programs: ['JKK', 'JKM'], expectedVersion: 1, idempotencyKey: randomUUID() },
      OFFICER,
      'ENROLMENT',
    );
    expect(ended.data!.endCoverage).toEqual({
      kpj,
      until: '2016-12-31',
      programs: ['JKK', 'JKM'],
      version: 2,
      replayed: false,
    });
    expect(
      await bpjsSql(`SELECT payload FROM outbox_event WHERE type = 'CoverageEnded' AND payload->>'kpj' = $1`, [kpj]),
    ).toEqual([{ payload: { nik: nikOf(20), kpj, programs: ['JKK', 'JKM'], until: '2016-12-31' } }]);
    expect(
      codesOf(
        (
          await send(
            'EndCoverage',
            { kpj, until: '2016-12-31', programs: ['JKK'], expectedVersion: 2, idempotencyKey: randomUUID() },
            OFFICER,
            'ENROLMENT',
          )
        ).errors,
      ),
    ).toEqual(['NOT_COVERED']);
    expect(codesOf((await end(1, randomUUID())).errors)).toEqual(['VERSION_CONFLICT']);
    // DKI's HR may submit workers, not end BPJS cover.
    const byHr = await send(
      'EndCoverage',
      { kpj, until: '2017-01-31', expectedVersion: 2, idempotencyKey: randomUUID() },
      HR,
      'ENROLMENT',
    );
    expect(codesOf(byHr.errors)).toEqual(['FORBIDDEN']);
  });

  it('files and decides claims by the rules, keeping the claim totals exact', async () => {
    const file = (variables: Record<string, unknown>) =>
      send(
        'FileClaim',
        { kpj: claimant.kpj, regionCode: '31.74', idempotencyKey: randomUUID(), ...variables },
        OFFICER,
        'CLAIM_VERIFICATION',
      );
    expect(codesOf((await file({ program: 'JKM', incidentDate: '2016-02-01', amount: '24000000' })).errors)).toEqual([
      'NOT_COVERED',
    ]);
    expect(codesOf((await file({ program: 'JP', incidentDate: '2016-06-01', amount: '1000000' })).errors)).toEqual([
      'NOT_COVERED',
    ]);
    const wrongAmount = await file({ program: 'JKM', incidentDate: '2016-06-01', amount: '42000000' });
    expect(wrongAmount.errors.map((e) => e.extensions)).toEqual([
      expect.objectContaining({ code: 'CLAIM_AMOUNT_INVALID', statutoryAmount: '24000000' }),
    ]);
    const totalsBefore = await bpjsSql(
      `SELECT claims, amount::text FROM claim_total WHERE year = 2016 AND region_code = '31.74' AND program = 'JKM'`,
    );

    const filed = await file({ program: 'JKM', incidentDate: '2016-06-01', amount: '24000000', filedOn: '2016-06-10' });
    expect(filed.errors).toEqual([]);
    const claim = filed.data!.fileClaim.claim;
    expect(claim).toMatchObject({
      program: 'JKM',
      status: 'SUBMITTED',
      amount: '24000000',
      filedOn: '2016-06-10',
      version: 1,
    });
    expect(claim.id).toMatch(/^KLM-2016-9\d{6}$/);

    const decide = (operation: string, variables: Record<string, unknown>) =>
      send(operation, { id: claim.id, idempotencyKey: randomUUID(), ...variables }, OFFICER, 'CLAIM_VERIFICATION');
    const early = await decide('PayClaim', { amount: '24000000', expectedVersion: 1 });
    expect(early.errors.map((e) => e.extensions)).toEqual([
      expect.objectContaining({
        code: 'INVALID_TRANSITION',
        from: 'SUBMITTED',
        to: 'PAID',
        allowed: ['VERIFIED', 'REJECTED'],
      }),
    ]);
    const verified = await decide('VerifyClaim', { expectedVersion: 1 });
    expect(verified.errors).toEqual([]);
    expect(verified.data!.verifyClaim.claim).toMatchObject({
      status: 'VERIFIED',
      version: 2,
    });
    expect(codesOf((await decide('RejectClaim', { reason: 'late', expectedVersion: 1 })).errors)).toEqual([
      'VERSION_CONFLICT',
    ]);
    expect(codesOf((await decide('PayClaim', { amount: '21000000', expectedVersion: 2 })).errors)).toEqual([
      'CLAIM_AMOUNT_INVALID',
    ]);
    const paid = await decide('PayClaim', { amount: '24000000', expectedVersion: 2 });
    expect(paid.data!.payClaim.claim).toMatchObject({ status: 'PAID', amount: '24000000', version: 3 });
    expect(codesOf((await decide('RejectClaim', { reason: 'too late', expectedVersion: 3 })).errors)).toEqual([
      'INVALID_TRANSITION',
    ]);

    const totalsAfter = await bpjsSql(
      `SELECT claims, amount::text FROM claim_total WHERE year = 2016 AND region_code = '31.74' AND program = 'JKM'`,
    );
    const [before] = totalsBefore as { claims: number; amount: string }[];
    expect(totalsAfter).toEqual([
      { claims: (before?.claims ?? 0) + 1, amount: String(BigInt(before?.amount ?? '0') + 24_000_000n) },
    ]);
    expect(
      await bpjsSql(`SELECT count(*)::int AS claims, sum(amount)::text AS amount FROM claim
                      WHERE extract(year FROM filed_on) = 2016 AND region_code = '31.74' AND program = 'JKM'`),
    ).toEqual(totalsAfter);
  });
});
