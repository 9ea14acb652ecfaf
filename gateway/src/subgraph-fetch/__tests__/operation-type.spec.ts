import { describe, expect, it } from 'vitest';
import { operationTypeOfBody } from '../operation-type';

const body = (request: Record<string, unknown>) => JSON.stringify(request);

describe('operationTypeOfBody', () => {
  it('tells queries, mutations and subscriptions apart, shorthand queries included', () => {
    expect(operationTypeOfBody(body({ query: '{ unit(code: "DINKES") { name } }' }))).toBe('query');
    expect(operationTypeOfBody(body({ query: 'query Q__bpjs__1 { a }', operationName: 'Q__bpjs__1' }))).toBe('query');
    expect(operationTypeOfBody(body({ query: 'mutation { enroll(nik: "1") { kpj } }' }))).toBe('mutation');
    expect(operationTypeOfBody(Buffer.from(body({ query: 'subscription { claims { id } }' })))).toBe('subscription');
  });

  it('picks the operation GraphQL will execute when the document has several', () => {
    const query = 'query Read { a } mutation Write { b }';
    expect(operationTypeOfBody(body({ query, operationName: 'Write' }))).toBe('mutation');
    expect(operationTypeOfBody(body({ query, operationName: 'Read' }))).toBe('query');
    expect(operationTypeOfBody(body({ query }))).toBeUndefined();
    expect(operationTypeOfBody(body({ query, operationName: 'Missing' }))).toBeUndefined();
  });

  it('cannot tell (so nothing is retried) without a readable query', () => {
    expect(operationTypeOfBody(undefined)).toBeUndefined();
    expect(operationTypeOfBody('not json')).toBeUndefined();
    expect(operationTypeOfBody('null')).toBeUndefined();
    expect(operationTypeOfBody(body({ extensions: { persistedQuery: { sha256Hash: 'abc' } } }))).toBeUndefined();
    expect(operationTypeOfBody(body({ query: 'query {' }))).toBeUndefined();
  });
});
