import { describe, expect, it } from 'vitest';
import { parseHrScreenArguments, UsageError } from '../hr-screen-arguments';

const env = { JEMBATAN_URL: 'http://127.0.0.1:4000/graphql', JEMBATAN_TOKEN: 'token' };

describe('the HR screen example arguments', () => {
  it('take the URL and token from the environment, with defaults for the rest', () => {
    expect(parseHrScreenArguments([], env)).toEqual({
      url: 'http://127.0.0.1:4000/graphql',
      token: 'token',
      unit: 'KEC-317401',
      first: 10,
      after: undefined,
      year: 2016,
      region: '31',
      purpose: 'HR_ADMINISTRATION',
      persisted: false,
    });
  });

  it('prefer the command line to the environment', () => {
    const args = [
      '--url',
      'http://gateway/graphql',
      '--token',
      't2',
      '--unit',
      'DINKES',
      '--first',
      '3',
      '--persisted',
    ];
    expect(parseHrScreenArguments(args, env)).toMatchObject({
      url: 'http://gateway/graphql',
      token: 't2',
      unit: 'DINKES',
      first: 3,
      persisted: true,
    });
  });

  it.each([
    [[], {}, '--url (or JEMBATAN_URL) is required'],
    [['--url', 'http://gateway/graphql'], {}, '--token (or JEMBATAN_TOKEN) is required'],
    [['--url', 'gateway'], { JEMBATAN_TOKEN: 't' }, '--url is not a URL: "gateway"'],
    [['--first', 'ten'], env, '--first must be a whole number, not "ten"'],
    [['--purpose', 'CURIOSITY'], env, '--purpose must be one of ENROLMENT, CLAIM_VERIFICATION, HR_ADMINISTRATION'],
    [['--colour'], env, "Unknown option '--colour'"],
  ])('refuse %j clearly', (args, environment, message) => {
    expect(() => parseHrScreenArguments(args, environment)).toThrow(UsageError);
    expect(() => parseHrScreenArguments(args, environment)).toThrow(message);
  });
});
