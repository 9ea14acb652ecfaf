import { z } from 'zod';

type Environment = Record<string, string | undefined>;

/** A configuration a service cannot start with: each problem names its variable and what it takes. */
export class ConfigurationError extends Error {
  constructor(
    what: string,
    readonly problems: readonly string[],
  ) {
    super(`Invalid ${what} configuration: ${problems.join('; ')}`);
    this.name = 'ConfigurationError';
  }
}

/** The schema under `.default()`/`.optional()`, with the description and default found on the way. */
function unwrap(schema: z.ZodType): { inner: z.ZodType; description?: string; fallback?: unknown } {
  let inner = schema;
  let description = schema.description;
  let fallback: unknown;
  while (inner instanceof z.ZodDefault || inner instanceof z.ZodOptional) {
    if (inner instanceof z.ZodDefault) fallback = inner.def.defaultValue;
    inner = inner.unwrap() as z.ZodType;
    description ??= inner.description;
  }
  return { inner, description, fallback };
}

/** What a variable takes, in words: "a whole number from 0 to 65535", "one of on, off". */
function expectation(inner: z.ZodType): string | null {
  if (inner instanceof z.ZodNumber) {
    const kind = inner.isInt ? 'a whole number' : 'a number';
    const min = inner.minValue ?? -Infinity;
    const max = inner.maxValue ?? Infinity;
    const hasMin = min > Number.MIN_SAFE_INTEGER;
    const hasMax = max < Number.MAX_SAFE_INTEGER;
    if (hasMin && hasMax) return `${kind} from ${min} to ${max}`;
    if (hasMin) return `${kind} of at least ${min}`;
    return hasMax ? `${kind} of at most ${max}` : kind;
  }
  if (inner instanceof z.ZodEnum) return `one of ${inner.options.join(', ')}`;
  if (inner instanceof z.ZodURL || (inner instanceof z.ZodString && inner.format === 'url')) return 'a URL';
  return null;
}

/** A value as an operator typed it, without the password of a URL that carries one. */
const shown = (value: string) => JSON.stringify(value.replace(/\/\/[^/@\s]*@/, '//***@').slice(0, 80));

function describeIssue(shape: z.ZodRawShape, issue: z.core.$ZodIssue, env: Environment): string {
  const name = String(issue.path[0] ?? '');
  const schema = shape[name] as z.ZodType | undefined;
  // A list's item, or a rule the schema's author worded: their message says it best.
  if (!schema || issue.path.length > 1 || issue.code === 'custom') {
    const value = env[name];
    const got = value === undefined || issue.message.includes(value) ? '' : `, got ${shown(value)}`;
    return `${issue.path.join('.') || 'environment'}: ${issue.message}${got}`;
  }
  const { inner, description, fallback } = unwrap(schema);
  const value = env[name];
  const expected = expectation(inner);
  const got = value === undefined ? 'not set' : `got ${shown(value)}`;
  const wants = expected ? `expected ${expected}` : issue.message;
  const example = description ? ` (${description})` : fallback !== undefined ? ` (default ${String(fallback)})` : '';
  return `${name}: ${wants}${example}, ${got}`;
}

/**
 * Reads a group of environment variables through a zod shape, empty values counting as unset.
 * A bad value fails with every problem at once, each naming the variable, the value given and
 * the form it takes: `GATEWAY_PORT: expected a whole number from 0 to 65535 (default 4000), got "abc"`.
 */
export function readEnvironment<TShape extends z.ZodRawShape>(
  shape: TShape,
  env: Environment,
  what: string,
): z.infer<z.ZodObject<TShape>> {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = z.object(shape).safeParse(present);
  if (!parsed.success) {
    throw new ConfigurationError(
      what,
      parsed.error.issues.map((issue) => describeIssue(shape, issue, present)),
    );
  }
  return parsed.data;
}
