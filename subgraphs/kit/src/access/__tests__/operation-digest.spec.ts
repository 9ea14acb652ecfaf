import { describe, expect, it } from 'vitest';
import { operationDigestOf } from '../operation-digest';

const QUERY = 'query Page($code: ID!, $first: Int) { unit(code: $code) { workers(first: $first) { totalCount } } }';

describe('operationDigestOf', () => {
  it('is the same whatever the order of keys, at every depth', () => {
    const one = { code: 'KEC-317401', first: 100, filter: { category: 'PKP', since: '2016-03-01' } };
    const other = { filter: { since: '2016-03-01', category: 'PKP' }, first: 100, code: 'KEC-317401' };
    expect(operationDigestOf({ query: QUERY, variables: one })).toBe(
      operationDigestOf({ query: QUERY, variables: other }),
    );
  });

  it('differs for the same variables object with another text or name, however often it was digested', () => {
    const variables = { code: 'KEC-317401', first: 100 };
    const page = operationDigestOf({ query: QUERY, variables, operationName: 'Page' });
    expect(operationDigestOf({ query: QUERY, variables, operationName: 'Page' })).toBe(page);
    expect(operationDigestOf({ query: `${QUERY} `, variables, operationName: 'Page' })).not.toBe(page);
    expect(operationDigestOf({ query: QUERY, variables, operationName: 'Other' })).not.toBe(page);
    expect(operationDigestOf({ query: QUERY, variables: { ...variables }, operationName: 'Page' })).toBe(page);
  });

  it('treats absent variables as empty and an absent name as none', () => {
    expect(operationDigestOf({ query: QUERY })).toBe(
      operationDigestOf({ query: QUERY, variables: {}, operationName: null }),
    );
  });
});
