import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_DIR } from '../artifacts';
import { SchemaCheckError } from '../check-errors';
import { parseCheckOptions } from '../check-options';

describe('the schema check options', () => {
  it('default to this package and the automatic base', () => {
    expect(parseCheckOptions([], {})).toEqual({ schemaDir: SCHEMA_DIR, base: undefined, help: false });
  });

  it('take the base from --base first, then SCHEMA_CHECK_BASE (an empty one means the default)', () => {
    expect(parseCheckOptions(['--base', 'v1.2'], { SCHEMA_CHECK_BASE: 'main' }).base).toBe('v1.2');
    expect(parseCheckOptions(['--base=v1.2'], {}).base).toBe('v1.2');
    expect(parseCheckOptions([], { SCHEMA_CHECK_BASE: 'origin/release' }).base).toBe('origin/release');
    expect(parseCheckOptions([], { SCHEMA_CHECK_BASE: '' }).base).toBeUndefined();
    expect(parseCheckOptions(['--schema-dir', 'elsewhere/schema'], {}).schemaDir).toBe(resolve('elsewhere/schema'));
  });

  it('refuse unknown options and an empty --base with a usage error (exit code 2)', () => {
    const usage = (argv: string[]) => {
      try {
        parseCheckOptions(argv, {});
      } catch (error) {
        return error as SchemaCheckError;
      }
      throw new Error('expected a usage error');
    };
    expect(usage(['--bsae', 'main'])).toMatchObject({ code: 'USAGE', exitCode: 2 });
    expect(usage(['--bsae', 'main']).message).toMatch(/^Unknown option '--bsae'.*\n\nUsage: pnpm schema:check/s);
    expect(usage(['--base', ''])).toMatchObject({
      code: 'USAGE',
      message: '--base needs a revision (a commit, branch or tag)',
    });
    expect(usage(['HEAD~3'])).toMatchObject({ code: 'USAGE' });
  });
});
