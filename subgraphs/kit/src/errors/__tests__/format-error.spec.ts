import { describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import { createLogger, describeError } from '../../log';
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
    // What @apollo/gateway makes of a subgraph's error: its JSON, as it came, is the originalError.
    const asSent = { message: 'NIK must be exactly 16 digits', extensions: { code: 'INVALID_NIK' } };
    const forwarded = new GraphQLError(asSent.message, {
      originalError: asSent as unknown as Error,
      extensions: { ...asSent.extensions, serviceName: 'workforce' },
    });
    expect(format(located(forwarded), forwarded)).toMatchObject({
      message: 'NIK must be exactly 16 digits',
      extensions: { code: 'INVALID_NIK', serviceName: 'workforce' },
    });
  });

  it('masks what a subgraph forwards without a catalogued code', () => {
    const format = createFormatError({ production: true });
    for (const code of [undefined, 'INTERNAL_SERVER_ERROR', 'ECONNREFUSED']) {
      const asSent = { message: 'connect ECONNREFUSED 10.0.0.7:5432', extensions: { code } };
      const forwarded = new GraphQLError(asSent.message, {
        originalError: asSent as unknown as Error,
        extensions: { ...asSent.extensions, serviceName: 'bpjs' },
      });
      expect(format(located(forwarded), forwarded)).toMatchObject({
        message: 'Internal server error',
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      });
    }
  });

  it("logs what it masks from a subgraph with the subgraph's name, code and message, numbers redacted", () => {
    const lines: string[] = [];
    const logger = createLogger('gateway', (line) => lines.push(line));
    const format = createFormatError({
      production: true,
      onUnexpected: (error) => logger.error('unexpected gateway error', describeError(error)),
    });
    const asSent = {
      message: 'duplicate key value: Key (nik)=(3174014107900001)',
      extensions: { code: 'XX000' },
    };
    const forwarded = new GraphQLError(asSent.message, {
      originalError: asSent as unknown as Error,
      extensions: { ...asSent.extensions, serviceName: 'bpjs' },
    });
    format(located(forwarded), forwarded);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      message: 'unexpected gateway error',
      subgraph: 'bpjs',
      code: 'XX000',
      error: 'duplicate key value: Key (nik)=([redacted])',
    });
    expect(lines[0]).not.toContain('[object Object]');
    expect(lines[0]).not.toContain('3174014107900001');
  });

  it("names the gateway's code for a subgraph error that came without one", () => {
    const asSent = { message: 'socket hang up' };
    const forwarded = new GraphQLError(asSent.message, {
      originalError: asSent as unknown as Error,
      extensions: { code: 'DOWNSTREAM_SERVICE_ERROR', serviceName: 'workforce' },
    });
    expect(describeError(forwarded)).toEqual({
      error: 'socket hang up',
      subgraph: 'workforce',
      code: 'DOWNSTREAM_SERVICE_ERROR',
    });
  });
});
