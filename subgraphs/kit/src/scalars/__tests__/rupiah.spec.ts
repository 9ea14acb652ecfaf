import { describe, expect, it } from 'vitest';
import { Kind } from 'graphql';
import { RupiahScalar } from '../rupiah';

describe('Rupiah', () => {
  it('serialises numeric column strings exactly, beyond 2^53', () => {
    expect(RupiahScalar.serialize('504000000000')).toBe('504000000000');
    expect(RupiahScalar.serialize('9007199254740993')).toBe('9007199254740993');
    expect(RupiahScalar.serialize('14130000.00')).toBe('14130000');
  });

  it('serialises safe integers and bigints as decimal strings', () => {
    expect(RupiahScalar.serialize(3100000)).toBe('3100000');
    expect(RupiahScalar.serialize(10n ** 20n)).toBe('100000000000000000000');
  });

  it('refuses fractions, floats and text', () => {
    expect(() => RupiahScalar.serialize(1.5)).toThrow(/whole number of Rupiah/);
    expect(() => RupiahScalar.serialize('12.50')).toThrow(/whole number of Rupiah/);
    expect(() => RupiahScalar.parseValue('Rp 100')).toThrow(/whole number of Rupiah/);
    expect(() => RupiahScalar.parseValue('007')).toThrow();
  });

  it('parses string and int literals', () => {
    expect(RupiahScalar.parseLiteral({ kind: Kind.STRING, value: '24000000' })).toBe('24000000');
    expect(RupiahScalar.parseLiteral({ kind: Kind.INT, value: '24000000' })).toBe('24000000');
    expect(() => RupiahScalar.parseLiteral({ kind: Kind.FLOAT, value: '1.5' })).toThrow();
  });
});
