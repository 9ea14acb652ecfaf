import { describe, expect, it } from 'vitest';
import { Kind } from 'graphql';
import { DateScalar, isIsoDate } from '../date';

describe('Date', () => {
  it('accepts real calendar days only', () => {
    expect(isIsoDate('2016-03-01')).toBe(true);
    expect(isIsoDate('2016-02-29')).toBe(true);
    expect(isIsoDate('2017-02-29')).toBe(false);
    expect(isIsoDate('2016-13-01')).toBe(false);
    expect(isIsoDate('1-3-2016')).toBe(false);
  });

  it('serialises database date strings unchanged and JS dates by their UTC day', () => {
    expect(DateScalar.serialize('2017-01-01')).toBe('2017-01-01');
    expect(DateScalar.serialize(new Date(Date.UTC(2016, 2, 1)))).toBe('2016-03-01');
  });

  it('rejects malformed input with a clear message', () => {
    expect(() => DateScalar.parseValue('2016-02-30')).toThrow(/calendar date YYYY-MM-DD/);
    expect(() => DateScalar.parseLiteral({ kind: Kind.INT, value: '20160301' })).toThrow();
  });
});
