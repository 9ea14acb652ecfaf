import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const GATEWAY_SOURCES = resolve(__dirname, '..');

/** How @apollo/gateway's own modules see federation-internals' `isNonNullType`, in a fresh process. */
function internalsSeenByTheGateway(entry: string): { kind: string; sameFunction: boolean; esModule: boolean } {
  const script = `
    require(${JSON.stringify(entry)});
    const { createRequire } = require('node:module');
    const fromGateway = createRequire(require.resolve('@apollo/gateway'));
    const internals = fromGateway('@apollo/federation-internals');
    const descriptor = Object.getOwnPropertyDescriptor(internals, 'isNonNullType');
    const original = fromGateway(fromGateway.resolve('@apollo/federation-internals').replace(/index\\.js$/, 'definitions.js'));
    process.stdout.write(JSON.stringify({
      kind: descriptor.get ? 'getter' : 'value',
      sameFunction: internals.isNonNullType === original.isNonNullType,
      esModule: internals.__esModule === true,
    }));`;
  const output = execFileSync(
    process.execPath,
    ['--conditions=jembatan-source', '-r', '@swc-node/register', '-e', script],
    { cwd: GATEWAY_SOURCES, env: { ...process.env, SWC_NODE_SOURCE_MAP_MODE: 'none' }, encoding: 'utf8' },
  );
  return JSON.parse(output) as { kind: string; sameFunction: boolean; esModule: boolean };
}

describe("the gateway's door to @apollo/gateway", () => {
  it('leaves @apollo/gateway calling federation-internals through plain properties, the same functions', () => {
    expect(internalsSeenByTheGateway('./apollo-gateway')).toEqual({
      kind: 'value',
      sameFunction: true,
      esModule: true,
    });
  }, 60_000);

  it('differs from @apollo/gateway loaded directly, which keeps the getters', () => {
    expect(internalsSeenByTheGateway('@apollo/gateway').kind).toBe('getter');
  }, 60_000);
});
