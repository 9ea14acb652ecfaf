import type { GraphQLRequestContextResponseForOperation } from '@apollo/server';
import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { GatewayContext } from '../../context';
import { requestMergeKey } from '../request-merge-key';

const schema = buildSchema('type Query { hello: String }');

type RequestContext = GraphQLRequestContextResponseForOperation<GatewayContext>;

function requestOf(
  overrides: { context?: Partial<GatewayContext>; variables?: Record<string, unknown>; schema?: typeof schema } = {},
) {
  const contextValue: GatewayContext = {
    requestId: 'request-1',
    caller: { subject: 'hr-officer-1', agency: 'pemprov-dki', roles: ['dki_hr'] },
    purpose: 'HR_ADMINISTRATION',
    dataSubject: null,
    publishedOperation: 'UnitStaffWithBpjs',
    ...overrides.context,
  };
  return {
    schema: overrides.schema ?? schema,
    queryHash: 'hash-of-the-operation-text',
    operationName: 'UnitStaffWithBpjs',
    request: { variables: overrides.variables ?? { code: 'KEC-317401', first: 100 } },
    contextValue,
  } as unknown as RequestContext;
}

describe('requestMergeKey', () => {
  it('is the same for two requests that differ only in their id', () => {
    expect(requestMergeKey(requestOf({ context: { requestId: 'request-2' } }))).toBe(requestMergeKey(requestOf()));
  });

  it.each<[string, Parameters<typeof requestOf>[0]]>([
    [
      'another caller with the same roles',
      { context: { caller: { subject: 'hr-officer-2', agency: 'pemprov-dki', roles: ['dki_hr'] } } },
    ],
    [
      'other roles',
      { context: { caller: { subject: 'hr-officer-1', agency: 'pemprov-dki', roles: ['dki_hr', 'analyst'] } } },
    ],
    [
      'a unit scope',
      {
        context: {
          caller: { subject: 'hr-officer-1', agency: 'pemprov-dki', roles: ['dki_hr'], units: ['KEC-317401'] },
        },
      },
    ],
    ['another purpose', { context: { purpose: 'ENROLMENT' } }],
    ['a data subject', { context: { purpose: 'DATA_SUBJECT_REQUEST', dataSubject: '3174015203870001' } }],
    ['other variables', { variables: { code: 'KEC-317402', first: 100 } }],
    ['another supergraph', { schema: buildSchema('type Query { hello: String }') }],
  ])('differs for %s', (_, overrides) => {
    expect(requestMergeKey(requestOf(overrides))).not.toBe(requestMergeKey(requestOf()));
  });
});
