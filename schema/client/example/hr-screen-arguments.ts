import { parseArgs } from 'node:util';
import { isPurpose, PURPOSES, type Purpose } from '../src';

export const USAGE = `Usage: node --conditions=jembatan-source -r @swc-node/register schema/client/example/hr-screen.ts --url <gateway /graphql URL> --token <JWT>
  [--unit KEC-317401] [--first 10] [--after <cursor>] [--year 2016] [--region 31]
  [--purpose HR_ADMINISTRATION] [--persisted]
--url and --token may come from JEMBATAN_URL and JEMBATAN_TOKEN instead (a token in the
environment stays out of the process list).`;

export interface HrScreenArguments {
  url: string;
  token: string;
  unit: string;
  first: number;
  after: string | undefined;
  year: number;
  region: string;
  purpose: Purpose;
  persisted: boolean;
}

/** Bad command-line input: the message says what to fix, and the usage follows it. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

function wholeNumber(name: string, value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name} must be a whole number, not "${value}"`);
  return Number(value);
}

export function parseHrScreenArguments(argv: string[], env: NodeJS.ProcessEnv): HrScreenArguments {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        url: { type: 'string' },
        token: { type: 'string' },
        unit: { type: 'string', default: 'KEC-317401' },
        first: { type: 'string', default: '10' },
        after: { type: 'string' },
        year: { type: 'string', default: '2016' },
        region: { type: 'string', default: '31' },
        purpose: { type: 'string', default: 'HR_ADMINISTRATION' },
        persisted: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const url = values.url ?? env.JEMBATAN_URL;
  const token = values.token ?? env.JEMBATAN_TOKEN;
  if (!url) throw new UsageError('--url (or JEMBATAN_URL) is required');
  if (!token) throw new UsageError('--token (or JEMBATAN_TOKEN) is required');
  if (!URL.canParse(url)) throw new UsageError(`--url is not a URL: "${url}"`);
  if (!isPurpose(values.purpose)) {
    throw new UsageError(`--purpose must be one of ${PURPOSES.join(', ')}, not "${values.purpose}"`);
  }
  return {
    url,
    token,
    unit: values.unit,
    first: wholeNumber('first', values.first),
    after: values.after,
    year: wholeNumber('year', values.year),
    region: values.region,
    purpose: values.purpose,
    persisted: values.persisted,
  };
}
