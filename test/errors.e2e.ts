import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateWorld } from '@jembatan/seed-world';
import { callerWith, savedOperation, startSupergraph, type RunningSupergraph } from './harness';

const world = generateWorld('demo');
const someUnit = world.units[0]!.code;

let supergraph: RunningSupergraph;

async function firstError(query: string, variables?: Record<string, unknown>) {
  const { status, body } = await supergraph.query(query, variables);
  return { status, error: body.errors?.[0], data: body.data };
}

// In production the gateway masks what is unexpected; the agencies' own codes must still reach the client.
describe.each([{ production: false }, { production: true }])(
  'bad input (production: $production)',
  ({ production }) => {
    beforeAll(async () => {
      supergraph = await startSupergraph({ production });
    });
    afterAll(() => supergraph?.stop());

    describe('bad input gets a clear, stable error and never a crash', () => {
      it.each([
        ['too short', '317401'],
        ['not digits', '31740141079O0001'],
        ['an impossible birth date (31 February)', '3174013102900001'],
        ['a zero serial', '3174014107900000'],
        ['an unknown province', '9974014107900001'],
      ])('an invalid NIK (%s) gives INVALID_NIK', async (_why, nik) => {
        const { status, error, data } = await firstError(savedOperation('WorkerEnrolment'), { nik });
        expect(status).toBe(200);
        expect(data).toEqual({ worker: null });
        expect(error).toMatchObject({ path: ['worker'], extensions: { code: 'INVALID_NIK' } });
        expect(error?.message).not.toContain(nik);
      });

      it('an invalid NIK in participant(nik:) gives INVALID_NIK, an invalid KPJ gives INVALID_KPJ', async () => {
        expect((await firstError('{ participant(nik: "123") { kpj } }')).error?.extensions?.code).toBe('INVALID_NIK');
        expect((await firstError('{ participant(kpj: "12-34") { nik } }')).error?.extensions?.code).toBe('INVALID_KPJ');
        expect((await firstError('{ participant { nik } }')).error?.extensions?.code).toBe('BAD_USER_INPUT');
      });

      it('an unknown enum value is refused by validation with HTTP 400', async () => {
        const { status, error } = await firstError('{ workers(category: HONORER) { totalCount } }');
        expect(status).toBe(400);
        expect(error?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
        const asVariable = await firstError('query ($c: WorkerCategory) { workers(category: $c) { totalCount } }', {
          c: 'HONORER',
        });
        expect(asVariable.status).toBe(400);
        expect(asVariable.error?.extensions?.code).toBe('BAD_USER_INPUT');
      });

      // Far larger pages never reach the subgraph: the gateway's cost limit refuses them (limits.e2e.ts).
      it.each([101, -1, 5000])('first: %d gives PAGE_SIZE_OUT_OF_RANGE', async (first) => {
        const { error } = await firstError('query ($first: Int) { workers(first: $first) { totalCount } }', { first });
        expect(error).toMatchObject({ path: ['workers'], extensions: { code: 'PAGE_SIZE_OUT_OF_RANGE' } });
        const nested = await firstError(
          `query ($first: Int) { unit(code: "${someUnit}") { workers(first: $first) { totalCount } } }`,
          { first },
        );
        expect(nested.error?.extensions?.code).toBe('PAGE_SIZE_OUT_OF_RANGE');
      });

      it('a malformed or foreign cursor gives INVALID_CURSOR', async () => {
        expect((await firstError('{ workers(after: "garbage!") { totalCount } }')).error?.extensions?.code).toBe(
          'INVALID_CURSOR',
        );
        const units = await supergraph.query<{ units: { pageInfo: { endCursor: string } } }>(
          '{ units(first: 1) { pageInfo { endCursor } } }',
        );
        const unitCursor = units.body.data!.units.pageInfo.endCursor;
        expect(
          (await firstError('query ($after: String) { workers(after: $after) { totalCount } }', { after: unitCursor }))
            .error?.extensions?.code,
        ).toBe('INVALID_CURSOR');
      });

      it('an unknown unit code gives NOT_FOUND, a malformed one INVALID_UNIT_CODE', async () => {
        expect(await firstError('{ unit(code: "DINAS-TIDAK-ADA") { name } }')).toMatchObject({
          data: { unit: null },
          error: { path: ['unit'], extensions: { code: 'NOT_FOUND' } },
        });
        expect(
          (await firstError('{ workers(unitCode: "DINAS-TIDAK-ADA") { totalCount } }')).error?.extensions?.code,
        ).toBe('NOT_FOUND');
        expect(
          (await firstError('{ unit(code: "dinas kesehatan; drop table unit") { name } }')).error?.extensions?.code,
        ).toBe('INVALID_UNIT_CODE');
      });

      it('an invalid region code or year for claimStatistics gives a clear error', async () => {
        expect(
          (await firstError('{ claimStatistics(year: 2016, regionCode: "3174") { count } }')).error?.extensions?.code,
        ).toBe('INVALID_REGION_CODE');
        expect((await firstError('{ claimStatistics(year: 1850) { count } }')).error?.extensions?.code).toBe(
          'BAD_USER_INPUT',
        );
      });

      it('malformed JSON, syntax errors and oversized bodies are refused with HTTP 4xx', async () => {
        const malformed = await supergraph.post('{"query": "{ workforceStatistics { unitCount } ');
        expect(malformed.status).toBe(400);
        expect(JSON.parse(malformed.text).errors[0].extensions.code).toBe('BAD_REQUEST');
        const syntax = await supergraph.query('{ workforceStatistics { unitCount ');
        expect(syntax.status).toBe(400);
        expect(syntax.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
        const huge = await supergraph.post(
          JSON.stringify({ query: `{ workforceStatistics { unitCount } } #${'x'.repeat(2 * 1024 * 1024)}` }),
        );
        expect(huge.status).toBe(413);
      });

      it('a field the caller may not read gives FORBIDDEN at its path, and the rest still arrives', async () => {
        const { status, body } = await supergraph.query(
          `{ workforceStatistics { unitCount } worker(nik: "${world.workers[0]!.nik}") { name } }`,
          undefined,
          { as: callerWith('analyst'), purpose: null },
        );
        expect(status).toBe(200);
        expect(body.data).toEqual({ workforceStatistics: { unitCount: world.units.length }, worker: null });
        expect(body.errors).toMatchObject([{ path: ['worker'], extensions: { code: 'FORBIDDEN' } }]);
      });

      it('a withheld field says whether a purpose was declared, and which purposes would open it', async () => {
        const nik = world.workers[0]!.nik;
        const { body } = await supergraph.query(`{ worker(nik: "${nik}") { name } }`, undefined, {
          as: callerWith('dki_hr'),
          purpose: null,
        });
        expect(body.errors).toMatchObject([
          {
            message:
              'Query.worker is withheld because no purpose of access was declared (X-Purpose header); your roles may read it when declaring HR_ADMINISTRATION, ENROLMENT, STATISTICS or DATA_SUBJECT_REQUEST.',
            extensions: {
              code: 'FORBIDDEN',
              grantingPurposes: ['HR_ADMINISTRATION', 'ENROLMENT', 'STATISTICS', 'DATA_SUBJECT_REQUEST'],
            },
          },
        ]);
      });

      it('a NIK with a space after it is told so, and the NIK is not repeated', async () => {
        const nik = `${world.workers[0]!.nik} `;
        const { error } = await firstError(savedOperation('WorkerEnrolment'), { nik });
        expect(error).toMatchObject({
          message: 'NIK has spaces before or after it: send the 16 digits alone',
          extensions: { code: 'INVALID_NIK' },
        });
      });

      it('a unit name where a code belongs suggests only units that exist', async () => {
        const named = await firstError('{ unit(code: "Tebet") { name } }');
        expect(named.error?.extensions?.code).toBe('INVALID_UNIT_CODE');
        const suggested = named.error?.extensions?.suggestions as string[];
        expect(suggested.length).toBeGreaterThan(0);
        for (const code of suggested) {
          const unit = world.units.find((u) => u.code === code);
          expect(unit?.name).toMatch(/Tebet/);
        }
        expect(named.error?.message).toMatch(
          /^Unit code must be upper case, e\.g\. SUDIN-KES-JS or KEC-317401\. Units whose name or code contains "Tebet": KEC-317401 \(Kecamatan Tebet\)/,
        );
        expect(named.error?.message).not.toContain('TEBET');
        const unknown = await firstError('{ unit(code: "KEC-999999") { name } }');
        expect(unknown.error).toMatchObject({
          message: 'No Unit with code "KEC-999999".',
          extensions: { code: 'NOT_FOUND', suggestions: [] },
        });
      });

      it('keeps serving after all of that', async () => {
        const { status, body } = await supergraph.query('{ workforceStatistics { unitCount } }');
        expect(status).toBe(200);
        expect(body).toEqual({ data: { workforceStatistics: { unitCount: world.units.length } } });
      });
    });
  },
);
