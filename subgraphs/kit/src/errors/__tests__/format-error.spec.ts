import { describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import { createFormatError } from '../format-error';
import { JembatanError } from '../jembatan-error';

const located = (error: GraphQLError) => ({ ...error.toJSON(), path: ['unit'] });

describe('error masking', () => {
  const unexpected = new GraphQLError('relation "worker" does not exist', {
    originalError: new Error('relation "worker" does not exist'),
  });

  it('masks unexpected errors in production', () => {
    const seen: unknown[] = [];
    const format = createFormatError({ production: true, onUnexpected: (error) => seen.push(error) });
    expect(format(located(unexpected), unexpected)).toEqual({
      message: 'Internal server error',
      locations: undefined,
      path: ['unit'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(seen).toHaveLength(1);
  });

  it('keeps unexpected details in development', () => {
    const format = createFormatError({ production: false });
    expect(format(located(unexpected), unexpected).message).toBe('relation "worker" does not exist');
  });

  it('passes catalogued errors unchanged, also when they arrive from a subgraph', () => {
    const format = createFormatError({ production: true });
    const own = new JembatanError('INVALID_NIK', 'NIK must be exactly 16 digits');
    expect(format(located(own), own).message).toBe('NIK must be exactly 16 digits');
    const forwarded = new GraphQLError('NIK must be exactly 16 digits', { extensions: { code: 'INVALID_NIK' } });
    expect(format(located(forwarded), forwarded).extensions).toEqual({ code: 'INVALID_NIK' });
  });
});
