import { afterAll, describe, expect, it } from 'vitest';
import { getIntrospectionQuery, getOperationAST } from 'graphql';
import type { ApolloServer } from '@apollo/server';
import { DEFAULT_PAGE_SIZES } from '@jembatan/kit';
import { readSavedOperations } from '@jembatan/schema';
import type { GatewayContext } from '../../context';
import { QUERY_LIMIT_CODES } from '../query-limit-error';
import { createQueryLimits, DEFAULT_QUERY_LIMITS, type QueryLimits } from '../query-limits';
import { codesOf, postGraphql, startTestApollo, type TestResponse } from './test-apollo';

const servers: ApolloServer<GatewayContext>[] = [];
afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
});

async function serverWith(limits: Partial<QueryLimits>, production = false) {
  const { plugins, validationRules, parseOptions } = createQueryLimits(
    { ...DEFAULT_QUERY_LIMITS, ...limits },
    production,
  );
  const server = await startTestApollo({ plugins, validationRules, parseOptions });
  servers.push(server);
  return server;
}

function expectAnswered(response: TestResponse) {
  expect(response.body.errors).toBeUndefined();
  expect(response.status).toBe(200);
  expect(response.body.data).toBeTruthy();
}

function expectRefused(response: TestResponse, code: string, message?: string) {
  expect(response.status).toBe(400);
  expect(codesOf(response)).toEqual([code]);
  expect(response.body.data).toBeUndefined();
  if (message) expect(response.body.errors?.[0]?.message).toBe(message);
}

describe('the depth limit', () => {
  const atLimit = '{ unit(code: "DINKES") { parent { parent { code } } } }';
  const pastLimit = '{ unit(code: "DINKES") { parent { parent { parent { code } } } } }';

  it('passes an operation exactly at the limit and refuses one level more', async () => {
    const server = await serverWith({ maxDepth: 4 });
    expectAnswered(await postGraphql(server, { query: atLimit }));
    expectRefused(
      await postGraphql(server, { query: pastLimit }),
      QUERY_LIMIT_CODES.depth,
      'Query depth limit of 4 exceeded, found 5.',
    );
  });

  it('follows fragments, counting the fields they hold rather than the fragment itself', async () => {
    const server = await serverWith({ maxDepth: 4 });
    const through = (fields: string) => `query { unit(code: "DINKES") { ...Up } } fragment Up on Unit { ${fields} } `;
    expectAnswered(await postGraphql(server, { query: through('parent { parent { code } }') }));
    expectRefused(
      await postGraphql(server, { query: through('parent { parent { parent { code } } }') }),
      QUERY_LIMIT_CODES.depth,
    );
  });

  it('leaves __schema to the introspection switch: the playground introspection query passes', async () => {
    const server = await serverWith({ maxDepth: 4 });
    expectAnswered(await postGraphql(server, { query: getIntrospectionQuery() }));
  });
});

describe('the alias limit', () => {
  it('passes exactly the limit, refuses one more, and counts __typename aliases too', async () => {
    const server = await serverWith({ maxAliases: 3 });
    expectAnswered(await postGraphql(server, { query: '{ unit(code: "DINKES") { a: code b: name c: kind } }' }));
    expectRefused(
      await postGraphql(server, { query: '{ unit(code: "DINKES") { a: code b: name c: kind d: headcount } }' }),
      QUERY_LIMIT_CODES.aliases,
      'Aliases limit of 3 exceeded, found 4.',
    );
    expectRefused(
      await postGraphql(server, { query: '{ a: __typename b: __typename c: __typename d: __typename }' }),
      QUERY_LIMIT_CODES.aliases,
    );
  });
});

describe('the root field limit', () => {
  it('passes exactly the limit and refuses one more', async () => {
    const server = await serverWith({ maxRootFields: 2 });
    expectAnswered(await postGraphql(server, { query: '{ workforceStatistics { unitCount } units { totalCount } }' }));
    expectRefused(
      await postGraphql(server, {
        query: '{ workforceStatistics { unitCount } units { totalCount } claimStatistics(year: 2016) { count } }',
      }),
      QUERY_LIMIT_CODES.rootFields,
      'Root fields limit of 2 exceeded, found 3.',
    );
  });

  it('counts root fields inside fragments, and a repeated field once since it resolves once', async () => {
    const server = await serverWith({ maxRootFields: 2 });
    expectRefused(
      await postGraphql(server, {
        query:
          '{ ...Stats units { totalCount } } fragment Stats on Query { workforceStatistics { unitCount } claimStatistics(year: 2016) { count } }',
      }),
      QUERY_LIMIT_CODES.rootFields,
    );
    expectAnswered(
      await postGraphql(server, {
        query: '{ units { totalCount } units { totalCount } workforceStatistics { unitCount } }',
      }),
    );
  });
});

describe('the token limit', () => {
  it('passes exactly the limit (comments are not tokens) and refuses one token more', async () => {
    // {  workforceStatistics  {  unitCount  }  }: 6 tokens
    const server = await serverWith({ maxTokens: 6 });
    expectAnswered(await postGraphql(server, { query: '{ workforceStatistics { unitCount } }' }));
    expectAnswered(await postGraphql(server, { query: '# the registry size\n{ workforceStatistics { unitCount } }' }));
    expectRefused(
      await postGraphql(server, { query: '{ workforceStatistics { unitCount workerCount } }' }),
      QUERY_LIMIT_CODES.tokens,
      'Token limit of 6 exceeded.',
    );
  });

  it('stops parsing a huge document at the limit', async () => {
    const server = await serverWith({ maxTokens: 5_000 });
    const huge = `{ ${'__typename '.repeat(200_000)}}`;
    const started = performance.now();
    expectRefused(await postGraphql(server, { query: huge }), QUERY_LIMIT_CODES.tokens);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('leaves a genuine syntax error a parse failure, long document or short', async () => {
    const server = await serverWith({ maxTokens: 6 });
    expectRefused(await postGraphql(server, { query: '{ workforceStatistics { unitCount }' }), 'GRAPHQL_PARSE_FAILED');
    expectRefused(
      await postGraphql(server, { query: '{ workforceStatistics ( { unitCount workerCount } }' }),
      'GRAPHQL_PARSE_FAILED',
    );
  });
});

describe('the directive limit', () => {
  it('passes exactly the limit and refuses one more', async () => {
    const server = await serverWith({ maxDirectives: 2 });
    expectAnswered(
      await postGraphql(server, {
        query: '{ workforceStatistics { unitCount @include(if: true) workerCount @skip(if: false) } }',
      }),
    );
    expectRefused(
      await postGraphql(server, {
        query:
          '{ workforceStatistics { unitCount @include(if: true) workerCount @skip(if: false) byCategory @include(if: true) { count } } }',
      }),
      QUERY_LIMIT_CODES.directives,
      'Directives limit of 2 exceeded, found 3.',
    );
  });
});

describe('a flood of directives', () => {
  const flood = (count: number) =>
    `{ workforceStatistics { unitCount ${Array.from({ length: count }, (_, i) => `@unknown${i}`).join(' ')} } }`;

  it('is answered with the one limit error, not an error per directive', async () => {
    const server = await serverWith({});
    const response = await postGraphql(server, { query: flood(100) });
    expectRefused(response, QUERY_LIMIT_CODES.directives);
    expect(response.body.errors).toHaveLength(1);
  });

  it('still gets every validation error when no limit is exceeded', async () => {
    const server = await serverWith({});
    const response = await postGraphql(server, { query: flood(3) });
    expect(response.status).toBe(400);
    expect(codesOf(response)).toEqual(Array.from({ length: 3 }, () => 'GRAPHQL_VALIDATION_FAILED'));
  });
});

describe('the cost limit', () => {
  // 1 (units) + 10 × (1 (edges) + 1 × (1 (node) + 1 (code))) = 31
  const unitCodes = 'query Units($first: Int) { units(first: $first) { edges { node { code } } } }';

  it('passes exactly the limit and refuses a page one item larger, literal or variable', async () => {
    const server = await serverWith({ maxCost: 31 });
    expectAnswered(await postGraphql(server, { query: '{ units(first: 10) { edges { node { code } } } }' }));
    expectAnswered(await postGraphql(server, { query: unitCodes, variables: { first: 10 } }));
    expectRefused(
      await postGraphql(server, { query: unitCodes, variables: { first: 11 } }),
      QUERY_LIMIT_CODES.cost,
      'Estimated cost limit of 31 exceeded, found 34.',
    );
    expectRefused(
      await postGraphql(server, { query: '{ units(first: 11) { edges { node { code } } } }' }),
      QUERY_LIMIT_CODES.cost,
    );
  });

  it("counts an absent first as the subgraphs' default page size", async () => {
    const server = await serverWith({ maxCost: 31 });
    const response = await postGraphql(server, { query: unitCodes });
    expectRefused(response, QUERY_LIMIT_CODES.cost);
    expect(response.body.errors?.[0]?.message).toContain(`found ${1 + DEFAULT_PAGE_SIZES.defaultSize * 3}.`);
  });

  it('refuses first: 500 inside first: 500 under the default limits, literal or variable', async () => {
    const server = await serverWith({}, true);
    const nested = '{ units(first: 500) { edges { node { workers(first: 500) { edges { node { nik } } } } } } }';
    expectRefused(await postGraphql(server, { query: nested }), QUERY_LIMIT_CODES.cost);
    const nestedByVariables =
      'query Nested($outer: Int, $inner: Int) { units(first: $outer) { edges { node { workers(first: $inner) { edges { node { nik } } } } } } }';
    expectRefused(
      await postGraphql(server, { query: nestedByVariables, variables: { outer: 500, inner: 500 } }),
      QUERY_LIMIT_CODES.cost,
    );
  });
});

/** The published writes' variables: an idempotency key and their input. */
const nik = '3171010101900001';
const MUTATION_VARIABLES: Record<string, Record<string, unknown>> = Object.fromEntries(
  Object.entries({
    RegisterWorker: {
      nik,
      name: 'x',
      category: 'PKP',
      unitCode: 'DINKES',
      contractStart: '2016-01-01',
      monthlyWage: '3100000',
    },
    EndContract: { nik, expectedVersion: 1, endDate: '2016-12-31', reason: 'x' },
    TransferWorker: { nik, expectedVersion: 1, toUnitCode: 'DINKES', effectiveDate: '2016-01-01' },
    CorrectWage: { nik, expectedVersion: 1, monthlyWage: '3100000' },
  }).map(([name, input]) => [name, { idempotencyKey: 'query-limits-1', input }]),
);
/** BPJS's writes, and the lists, take their arguments one by one. */
const idempotencyKey = 'query-limits-1';
const claim = { id: 'KLM-2016-0000001', expectedVersion: 1, idempotencyKey };
Object.assign(MUTATION_VARIABLES, {
  RegisterWorkers: {
    unitCode: 'DINKES',
    workers: [{ nik, name: 'x', category: 'PKP', contractStart: '2016-01-01', monthlyWage: '3100000' }],
    idempotencyKey,
  },
  EnrolParticipants: {
    registrarUnitCode: 'DINKES',
    people: [{ nik, name: 'x', category: 'PKP', contractStart: '2016-03-01' }],
    idempotencyKey,
  },
  EndCoverage: { kpj: '16000000001', until: '2016-12-31', expectedVersion: 1, idempotencyKey },
  FileClaim: {
    kpj: '16000000001',
    program: 'JKK',
    incidentDate: '2016-06-01',
    amount: '1000000',
    regionCode: '31.74',
    idempotencyKey,
  },
  VerifyClaim: claim,
  PayClaim: { ...claim, amount: '1000000' },
  RejectClaim: { ...claim, reason: 'x' },
});

describe('the default limits', () => {
  const savedOperations = readSavedOperations();
  const variablesOf = (operationName: string, pageSize?: number) => {
    const operation = savedOperations.find((saved) => saved.name === operationName);
    const declared = getOperationAST(operation!.document)?.variableDefinitions ?? [];
    const pages = declared.some((definition) => definition.variable.name.value === 'first') ? { first: pageSize } : {};
    return {
      code: 'DINKES',
      nik: '3171010101900001',
      ...(MUTATION_VARIABLES[operationName] ?? {}),
      ...(pageSize === undefined ? {} : pages),
    };
  };

  it.each(savedOperations.map((operation) => [operation.name, operation.source] as const))(
    'pass the saved operation %s with a third to spare on every limit, even at the maximum page size',
    async (name, source) => {
      const tighter = Object.fromEntries(
        Object.entries(DEFAULT_QUERY_LIMITS).map(([limit, value]) => [limit, Math.floor(value / 1.5)]),
      ) as unknown as QueryLimits;
      const server = await serverWith(tighter, true);
      expectAnswered(await postGraphql(server, { query: source, variables: variablesOf(name) }));
      expectAnswered(
        await postGraphql(server, { query: source, variables: variablesOf(name, DEFAULT_PAGE_SIZES.maxSize) }),
      );
    },
  );

  it('keep serving after refusing', async () => {
    const server = await serverWith({ maxDepth: 2 }, true);
    expectRefused(
      await postGraphql(server, { query: '{ unit(code: "X") { parent { code } } }' }),
      QUERY_LIMIT_CODES.depth,
    );
    expectAnswered(await postGraphql(server, { query: '{ workforceStatistics { unitCount } }' }));
  });
});

describe('field suggestions', () => {
  const typo = '{ unit(code: "DINKES") { nam } }';
  const enumTypo = '{ units(kind: SKPF) { totalCount } }';
  const enumVariable = 'query ByKind($kind: UnitKind) { units(kind: $kind) { totalCount } }';

  it('are given in development, where introspection shows the schema anyway', async () => {
    const server = await serverWith({}, false);
    const messages = await Promise.all([
      postGraphql(server, { query: typo }),
      postGraphql(server, { query: enumTypo }),
      postGraphql(server, { query: enumVariable, variables: { kind: 'SKPF' } }),
    ]).then((responses) => responses.map((response) => response.body.errors?.[0]?.message));
    expect(messages[0]).toBe('Cannot query field "nam" on type "Unit". Did you mean "name"?');
    expect(messages[1]).toMatch(/Did you mean the enum value "SKPD"/);
    expect(messages[2]).toMatch(/Did you mean the enum value "SKPD"/);
  });

  it('are removed in production, from validation and variable errors alike', async () => {
    const server = await serverWith({}, true);
    const [field, enumValue, variable] = await Promise.all([
      postGraphql(server, { query: typo }),
      postGraphql(server, { query: enumTypo }),
      postGraphql(server, { query: enumVariable, variables: { kind: 'SKPF' } }),
    ]);
    expect(field.status).toBe(400);
    expect(field.body.errors?.[0]?.message).toBe('Cannot query field "nam" on type "Unit".');
    expect(codesOf(field)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(enumValue.body.errors?.[0]?.message).toBe('Value "SKPF" does not exist in "UnitKind" enum.');
    expect(variable.status).toBe(400);
    expect(variable.body.errors?.[0]?.message).toMatch(/^Variable "\$kind" got invalid value "SKPF"; .*enum\.$/);
    for (const response of [field, enumValue, variable]) {
      expect(JSON.stringify(response.body)).not.toMatch(/Did you mean|SKPD/);
    }
  });
});
