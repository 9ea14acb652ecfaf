import { GraphQLError, locatedError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createLogger, describeError } from '../../log';
import { createFormatError } from '../format-error';
import { JembatanError, notFound } from '../jembatan-error';

const frames = (stack: string | undefined) => (stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));

describe('expected errors', () => {
  it('are built without a stack trace, and leave the stack trace limit as it was', () => {
    const before = Error.stackTraceLimit;
    const error = notFound('Worker', '3174010101900001');
    expect(error.stack).toBe('JembatanError: No Worker with key "3174010101900001"');
    expect(frames(error.stack)).toEqual([]);
    expect(Error.stackTraceLimit).toBe(before);
  });

  it('stay without one when graphql-js locates them at a path', () => {
    const located = locatedError(new JembatanError('FORBIDDEN', 'no'), undefined, ['people', 0, 'wage']);
    expect(located.originalError).toBeInstanceOf(JembatanError);
    expect(frames(located.stack)).toEqual([]);
  });

  it('keep their code and the extensions given', () => {
    expect(new JembatanError('NOT_FOUND', 'gone', { entity: 'Worker' }).extensions).toEqual({
      entity: 'Worker',
      code: 'NOT_FOUND',
    });
  });
});

describe('unexpected errors', () => {
  it('keep their stack, and the log gets it', () => {
    const bug = new GraphQLError('Cannot read properties of undefined', {
      originalError: new TypeError('Cannot read properties of undefined'),
    });
    expect(frames(bug.stack).length).toBeGreaterThan(0);
    const lines: string[] = [];
    const logger = createLogger('test', (line) => lines.push(line));
    const format = createFormatError({
      production: true,
      onUnexpected: (error) => logger.error('unexpected resolver error', describeError(error)),
    });
    format({ ...bug.toJSON(), path: ['unit'] }, bug);
    expect(lines).toHaveLength(1);
    expect(frames(JSON.parse(lines[0]!).stack).length).toBeGreaterThan(0);
  });
});
