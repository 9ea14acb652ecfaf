import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { environmentVariablesRead, serviceSources } from './environment-reads';

/**
 * A repository-level check that lives with the configuration readers: every variable a service
 * reads is documented in `.env.example` and on the configuration page (`docs/configuration.md`), and neither
 * documents a variable nothing reads any more.
 */
const ROOT = resolve(__dirname, '../../../../..');
const read = [...environmentVariablesRead(serviceSources(ROOT))].sort();

/** `NAME` of every `NAME=…` line, commented out or not. */
const inEnvExample = new Set(
  [...readFileSync(resolve(ROOT, '.env.example'), 'utf8').matchAll(/^#?\s*([A-Z][A-Z0-9_]*)=/gm)].map(
    (match) => match[1]!,
  ),
);

/** Every `NAME` written as code on the configuration page. */
const onConfigurationPage = (() => {
  const page = readFileSync(resolve(ROOT, 'docs/configuration.md'), 'utf8');
  return new Set([...page.matchAll(/`([A-Z][A-Z0-9_]*)(?:=[^`]*)?`/g)].map((match) => match[1]!));
})();

describe('environment variables', () => {
  it('are found in the config readers and wherever a service reads the environment', () => {
    // Guards the scanner: were it to find nothing, every check below would pass vacuously.
    expect(read).toEqual(
      expect.arrayContaining([
        'NODE_ENV',
        'GATEWAY_PORT',
        'WORKFORCE_PORT',
        'BPJS_DATABASE_URL',
        'RATE_LIMIT_POINTS',
        'SHUTDOWN_GRACE_MS',
      ]),
    );
  });

  it('are each documented in .env.example', () => {
    expect(read.filter((name) => !inEnvExample.has(name))).toEqual([]);
  });

  it('are each documented on the configuration page', () => {
    expect(read.filter((name) => !onConfigurationPage.has(name))).toEqual([]);
  });

  it('documented in .env.example are all still read', () => {
    expect([...inEnvExample].filter((name) => !read.includes(name))).toEqual([]);
  });
});
