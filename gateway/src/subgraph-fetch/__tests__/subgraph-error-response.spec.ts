import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createFormatError, JembatanError } from '@jembatan/kit';
import { subgraphFailureResponse } from '../subgraph-error-response';
import { SubgraphFailure } from '../subgraph-failure';

const failure = (kind: SubgraphFailure['kind']) => new SubgraphFailure('bpjs', kind, 'HTTP 503', { status: 503 });

describe('subgraphFailureResponse', () => {
  it('answers no data and one error per missing field, at its path', () => {
    const response = subgraphFailureResponse(failure('server-error'), [
      ['_entities', 0, 'bpjs'],
      ['_entities', 1, 'bpjs'],
    ]);
    expect(response.data).toBeUndefined();
    expect(response.errors).toMatchObject([
      { path: ['_entities', 0, 'bpjs'], extensions: { code: 'SUBGRAPH_UNAVAILABLE' } },
      { path: ['_entities', 1, 'bpjs'], extensions: { code: 'SUBGRAPH_UNAVAILABLE' } },
    ]);
  });

  it('says SUBGRAPH_TIMEOUT for a timeout and SUBGRAPH_UNAVAILABLE for every other failure', () => {
    const codeOf = (kind: SubgraphFailure['kind']) => subgraphFailureResponse(failure(kind), [['unit']]).errors?.[0];
    expect(codeOf('timeout')).toMatchObject({
      message: 'The bpjs service did not answer in time; its fields are null. Retry later.',
      extensions: { code: 'SUBGRAPH_TIMEOUT' },
    });
    for (const kind of [
      'connection',
      'server-error',
      'rate-limited',
      'invalid-response',
      'refused',
      'circuit-open',
    ] as const) {
      expect(codeOf(kind)).toMatchObject({
        message: 'The bpjs service is unavailable; its fields are null. Retry later.',
        extensions: { code: 'SUBGRAPH_UNAVAILABLE' },
      });
    }
  });

  it('has one error without a path when the missing fields are unknown', () => {
    const { errors } = subgraphFailureResponse(failure('connection'), []);
    expect(errors).toHaveLength(1);
    expect(errors?.[0]?.path).toBeUndefined();
  });

  it('passes formatError unmasked in production and development, naming nothing but the subgraph', () => {
    const [error] = subgraphFailureResponse(failure('server-error'), [['unit']]).errors!;
    expect(error).toBeInstanceOf(JembatanError);
    // As the gateway wraps a subgraph's error before formatting it.
    const wrapped = new GraphQLError(error!.message, {
      originalError: error as JembatanError,
      path: ['unit'],
      extensions: { ...error!.extensions, serviceName: 'bpjs' },
    });
    for (const production of [true, false]) {
      let unexpected = 0;
      const formatError = createFormatError({ production, onUnexpected: () => (unexpected += 1) });
      const formatted = formatError(wrapped.toJSON(), wrapped);
      expect(formatted.extensions).toEqual({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'bpjs' });
      expect(unexpected).toBe(0);
    }
    expect(JSON.stringify({ error, stack: (error as Error).stack })).not.toMatch(/503|HTTP|127\.0\.0\.1|http:/);
  });
});
