import { createHash } from 'node:crypto';

/**
 * Deterministic pseudo-randomness inside PostgreSQL: every draw is a hash of a row number and a
 * named stream, never `random()`, so the same size always gives the same rows and a row's values
 * can be recomputed by a later statement (enrolments and claims recompute their participant's).
 * `hashint8extended` is the function PostgreSQL's hash partitioning relies on to be stable.
 */
const SEED = 'jembatan/national/2016-02-29';
/** 2^53 − 1: the bits of a hash a float8 holds exactly; dividing by 2^53 keeps the draw below 1. */
const MANTISSA = '9007199254740991';
const TWO_TO_53 = '9007199254740992.0';

/** The hash seed of a named stream, as a bigint literal. */
export function streamSeed(stream: string): string {
  const digest = createHash('sha256').update(`${SEED}/${stream}`).digest();
  // A positive 62-bit literal, comfortably inside bigint.
  return (digest.readBigUInt64BE(0) >> 2n).toString();
}

/** A float8 in [0, 1) drawn for the bigint SQL expression `row` from `stream`. */
export function uniform(row: string, stream: string): string {
  return `((hashint8extended(${row}, ${streamSeed(stream)}) & ${MANTISSA})::float8 / ${TWO_TO_53})`;
}

/** An int in [0, n). */
export function below(row: string, stream: string, n: number | string): string {
  return `floor(${uniform(row, stream)} * ${n})::int`;
}

/** A standard normal deviate (Box–Muller), as the world's `Random.normal` draws it. */
export function normal(row: string, stream: string): string {
  return `(sqrt(-2 * ln(1 - ${uniform(row, `${stream}/u`)})) * cos(2 * pi() * ${uniform(row, `${stream}/v`)}))`;
}

export function sqlText(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

export function textArray(values: readonly string[]): string {
  return `ARRAY[${values.map(sqlText).join(', ')}]::text[]`;
}

export function intArray(values: readonly number[]): string {
  return `ARRAY[${values.map((v) => String(Math.trunc(v))).join(', ')}]::int[]`;
}

export function floatArray(values: readonly number[]): string {
  return `ARRAY[${values.map((v) => String(v)).join(', ')}]::float8[]`;
}

/** One element of `values`, uniformly. */
export function pick(values: readonly string[], row: string, stream: string): string {
  return `(${textArray(values)})[1 + ${below(row, stream, values.length)}]`;
}

export function sqlDate(iso: string): string {
  return `date '${iso}'`;
}
