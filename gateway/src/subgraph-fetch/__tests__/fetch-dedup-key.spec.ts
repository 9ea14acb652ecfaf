import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { GatewayContext } from '../../context';
import { fetchDedupKey, isSharableFetch } from '../fetch-dedup-key';
import type { IncomingFetch } from '../incoming-fetch';

const QUERY = 'query ClaimsByProgram__bpjs__0($year: Int!) { claimStatistics(year: $year) { count } }';

function fetchOf(
  changes: { query?: string; variables?: Record<string, unknown>; operationName?: string } = {},
  context: Partial<GatewayContext> & Record<string, unknown> = {},
): IncomingFetch {
  const query = changes.query ?? QUERY;
  return {
    kind: 'incoming operation',
    request: { query, variables: changes.variables ?? { year: 2016 }, operationName: changes.operationName },
    document: parse(query),
    context: {
      requestId: 'request-1',
      caller: { subject: 'siti', agency: 'pemprov-dki', roles: ['dki_hr', 'analyst'] },
      purpose: 'STATISTICS',
      dataSubject: null,
      publishedOperation: 'ClaimsByProgram',
      ...context,
    },
    incomingRequestContext: {},
  } as unknown as IncomingFetch;
}

const keyOf = (fetch: IncomingFetch, subgraph = 'bpjs') => fetchDedupKey(subgraph, fetch);

describe('the key of a subgraph fetch', () => {
  it('is the same for another caller with the same agency, roles and purpose, in another request', () => {
    const other = fetchOf(
      {},
      { requestId: 'request-2', caller: { subject: 'budi', agency: 'pemprov-dki', roles: ['analyst', 'dki_hr'] } },
    );
    expect(keyOf(other)).toBe(keyOf(fetchOf()));
  });

  it.each<[string, IncomingFetch]>([
    ['the query', fetchOf({ query: 'query Q { claimStatistics(year: 2015) { count } }' })],
    ['the variables', fetchOf({ variables: { year: 2015 } })],
    ['the operation name', fetchOf({ operationName: 'ClaimsByProgram__bpjs__0' })],
    [
      'the caller’s agency',
      fetchOf({}, { caller: { subject: 'siti', agency: 'bpjs-tk', roles: ['dki_hr', 'analyst'] } }),
    ],
    ['the roles', fetchOf({}, { caller: { subject: 'siti', agency: 'pemprov-dki', roles: ['bpjs_officer'] } })],
    ['the purpose', fetchOf({}, { purpose: 'HR_ADMINISTRATION' })],
    ['the data subject', fetchOf({}, { purpose: 'DATA_SUBJECT_REQUEST', dataSubject: '3171234567890001' })],
    ['the published operation', fetchOf({}, { publishedOperation: null })],
    ['anything the request context gains later', fetchOf({}, { clientVersion: '2' })],
  ])('changes with %s', (_, changed) => {
    expect(keyOf(changed)).not.toBe(keyOf(fetchOf()));
  });

  it('changes with the agency fetched', () => {
    expect(keyOf(fetchOf(), 'workforce')).not.toBe(keyOf(fetchOf(), 'bpjs'));
  });
});

describe('a fetch that may share an answer', () => {
  it('is a query', () => {
    expect(isSharableFetch(fetchOf())).toBe(true);
  });

  it('is never a mutation, nor a document that cannot be told', () => {
    expect(isSharableFetch(fetchOf({ query: 'mutation M { registerWorker { nik } }' }))).toBe(false);
    const unreadable = { ...fetchOf(), document: undefined, request: { query: 'query {' } } as IncomingFetch;
    expect(isSharableFetch(unreadable)).toBe(false);
    const twoOperations = 'query A { claimStatistics(year: 2016) { count } } mutation B { x }';
    const ambiguous = { ...fetchOf(), document: undefined, request: { query: twoOperations } } as IncomingFetch;
    expect(isSharableFetch(ambiguous)).toBe(false);
  });

  it('is told from the text when the planner exposes no document', () => {
    const fromText = (query: string) =>
      isSharableFetch({ ...fetchOf(), document: undefined, request: { query } } as IncomingFetch);
    expect(fromText(QUERY)).toBe(true);
    expect(fromText('{ workforceStatistics { unitCount } }')).toBe(true);
    expect(fromText('mutation M { registerWorker { nik } }')).toBe(false);
  });
});
