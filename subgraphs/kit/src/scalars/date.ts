import { GraphQLScalarType, Kind } from 'graphql';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is `YYYY-MM-DD` and names a real calendar day. */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Dates already found valid. A page repeats a few hundred distinct days (contract starts,
 * programme dates) thousands of times; a day is checked once, not once per row. Bounded: about
 * 27 years of days, a megabyte or two.
 */
const validDays = new Set<string>();
const MAX_VALID_DAYS = 10_000;

function isKnownValidDay(value: string): boolean {
  if (validDays.has(value)) return true;
  if (!isIsoDate(value)) return false;
  if (validDays.size >= MAX_VALID_DAYS) validDays.clear();
  validDays.add(value);
  return true;
}

function toIsoDate(value: unknown, where: string): string {
  // PostgreSQL `date` arrives as a string from both engines; a JS Date only from code we wrote.
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value === 'string' && isKnownValidDay(value)) return value;
  throw new TypeError(`Date ${where} must be a calendar date YYYY-MM-DD, got ${JSON.stringify(String(value))}`);
}

/** A calendar date without time or zone, as `YYYY-MM-DD` (ISO 8601). */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar date without time of day or time zone, written YYYY-MM-DD (ISO 8601).',
  specifiedByURL: 'https://scalars.graphql.org/andimarek/local-date.html',
  serialize: (value) => toIsoDate(value, 'output'),
  parseValue: (value) => toIsoDate(value, 'input'),
  parseLiteral(ast) {
    if (ast.kind === Kind.STRING) return toIsoDate(ast.value, 'input');
    throw new TypeError('Date input must be a string YYYY-MM-DD');
  },
});

/** Both agencies keep Western Indonesian Time: the day something happens is the day in Jakarta. */
const JAKARTA_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' });

/** Today (or `now`'s day) in Jakarta, `YYYY-MM-DD`. */
export function todayInJakarta(now: Date = new Date()): string {
  return JAKARTA_DAY.format(now);
}
