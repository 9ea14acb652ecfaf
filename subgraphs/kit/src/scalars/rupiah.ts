import { GraphQLScalarType, Kind } from 'graphql';

const WHOLE_RUPIAH = /^-?(0|[1-9]\d*)$/;

function toDecimalString(value: unknown, where: string): string {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  if (typeof value === 'string') {
    // TypeORM hands `numeric` columns over as strings; "14130000.00" from a numeric(20,2) is fine.
    const normalised = value.replace(/\.0+$/, '');
    if (WHOLE_RUPIAH.test(normalised)) return normalised;
  }
  throw new TypeError(`Rupiah ${where} must be a whole number of Rupiah, got ${JSON.stringify(String(value))}`);
}

/**
 * Money in whole Rupiah, as a decimal string ("504000000000"). Never a Float: sums exceed both
 * 32-bit Int and the 2^53 range in which doubles are exact.
 */
export const RupiahScalar = new GraphQLScalarType({
  name: 'Rupiah',
  description:
    'An amount of money in whole Indonesian Rupiah, as a decimal string (e.g. "504000000000"), exact at any size.',
  specifiedByURL: 'https://www.bi.go.id/id/rupiah/default.aspx',
  serialize: (value) => toDecimalString(value, 'output'),
  parseValue: (value) => toDecimalString(value, 'input'),
  parseLiteral(ast) {
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT) return toDecimalString(ast.value, 'input');
    throw new TypeError('Rupiah input must be a string of digits');
  },
});
