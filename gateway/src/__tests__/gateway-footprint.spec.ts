import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const GATEWAY_SOURCES = resolve(__dirname, '..');

/** What `main.ts` imports, loaded in a fresh process without starting anything. */
const MAIN_IMPORTS = ['tracing', 'config', 'start-gateway', 'auth', 'playground', 'supergraph'];

/** Packages the gateway has no use for: databases, entity and schema builders, the tracing SDK. */
const NOT_FOR_THE_GATEWAY = [
  'typeorm',
  'type-graphql',
  'graphql-scalars',
  '@electric-sql/pglite',
  'pg',
  'pg-copy-streams',
  '@apollo/subgraph',
  '@opentelemetry/sdk-node',
];

function packagesLoadedBy(modules: string[]): string[] {
  const script = `
    process.env.OTEL_SDK_DISABLED = 'true';
    for (const file of ${JSON.stringify(modules)}) require(file);
    const names = new Set();
    for (const file of Object.keys(require.cache)) {
      const found = /node_modules\\/((?:@[^/]+\\/)?[^/]+)\\/(?!.*node_modules\\/)/.exec(file);
      if (found) names.add(found[1]);
    }
    process.stdout.write(JSON.stringify([...names]));`;
  const output = execFileSync(
    process.execPath,
    ['--conditions=jembatan-source', '-r', '@swc-node/register', '-e', script],
    { cwd: GATEWAY_SOURCES, env: { ...process.env, SWC_NODE_SOURCE_MAP_MODE: 'none' }, encoding: 'utf8' },
  );
  return JSON.parse(output) as string[];
}

describe("the gateway's footprint", () => {
  it('loads no database, entity or tracing-SDK code: it imports the narrow kit entry points', () => {
    const loaded = packagesLoadedBy(MAIN_IMPORTS.map((name) => resolve(GATEWAY_SOURCES, name)));
    expect(loaded).toContain('@apollo/gateway');
    expect(loaded.filter((name) => NOT_FOR_THE_GATEWAY.includes(name))).toEqual([]);
  }, 60_000);
});
