import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PURPOSE_HEADER } from '@jembatan/gateway';
import { callerWith, startSupergraph, type RunningSupergraph } from './harness';
import { startProductionGateway } from './harness/production-gateway';
import { RUN_FROM_SOURCE } from '@jembatan/kit/build';

/**
 * The typed client's example, an HR screen, run as a frontend team would run it: a separate
 * process against a production gateway, which enforces trusted operations, with an HR officer's
 * token. What it prints is compared with figures this test asks, ad hoc, of a gateway that does
 * not enforce them, over the same subgraphs.
 */
const ROOT = resolve(__dirname, '..');
const EXAMPLE = 'schema/client/example/hr-screen.ts';
const UNIT = 'KEC-317401';
const PAGE = 5;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runExample(args: string[], token: string): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [...RUN_FROM_SOURCE, EXAMPLE, ...args], {
      cwd: ROOT,
      env: { ...process.env, JEMBATAN_TOKEN: token },
    });
    const run: Run = { code: null, stdout: '', stderr: '' };
    child.stdout.on('data', (chunk: Buffer) => (run.stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (run.stderr += chunk.toString()));
    child.on('error', fail);
    child.on('exit', (code) => done({ ...run, code }));
  });
}

/** The cells of the output line that starts with `first`, split where columns are two spaces apart. */
const cellsOfLine = (output: string, first: string) =>
  output
    .split('\n')
    .find((line) => line.startsWith(`${first} `))
    ?.split(/\s{2,}/);

const grouped = (value: number | string) => new Intl.NumberFormat('id-ID').format(BigInt(value));

interface Expected {
  unit: {
    name: string;
    kind: string;
    regionCode: string;
    workers: {
      totalCount: number;
      edges: {
        node: {
          nik: string;
          name: string;
          category: string;
          contractStart: string;
          monthlyWage: string;
          bpjs: { kpj: string; enrollments: { program: string; until: string | null }[] } | null;
        };
      }[];
    };
  };
  claimStatistics: { count: number; amount: string; byProgram: { program: string; count: number; amount: string }[] };
}

// Not a published operation: asked of the gateway that does not enforce trusted operations.
const EXPECTED_QUERY = `query Expected($code: ID!, $first: Int!) {
  unit(code: $code) {
    name kind regionCode
    workers(first: $first) {
      totalCount
      edges { node { nik name category contractStart monthlyWage bpjs { kpj enrollments { program until } } } }
    }
  }
  claimStatistics(year: 2016, regionCode: "31") { count amount byProgram { program count amount } }
}`;

describe('the typed client example (an HR screen) against a gateway enforcing trusted operations', () => {
  let supergraph: RunningSupergraph;
  let enforcing: { origin: string; close(): Promise<void> };
  let url: string;
  let hrToken: string;
  let expected: Expected;
  let byBody: Run;

  beforeAll(async () => {
    supergraph = await startSupergraph();
    enforcing = await startProductionGateway(supergraph, { TRUSTED_OPERATIONS: 'enforce' });
    url = `${enforcing.origin}/graphql`;
    hrToken = await supergraph.tokenFor(callerWith('dki_hr'));
    const answer = await supergraph.query<Expected>(
      EXPECTED_QUERY,
      { code: UNIT, first: PAGE },
      { as: callerWith('dki_hr'), purpose: 'HR_ADMINISTRATION' },
    );
    expect(answer.body.errors).toBeUndefined();
    expected = answer.body.data as Expected;
    byBody = await runExample(['--url', url, '--unit', UNIT, '--first', String(PAGE)], hrToken);
  });
  afterAll(async () => {
    await enforcing?.close();
    await supergraph?.stop();
  });

  it('is behind enforcement: the same HR officer may not send an operation of their own', async () => {
    const adHoc = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${hrToken}`,
        [PURPOSE_HEADER]: 'HR_ADMINISTRATION',
      },
      body: JSON.stringify({ query: '{ workforceStatistics { unitCount } }' }),
    });
    expect(adHoc.status).toBe(403);
    const { errors } = (await adHoc.json()) as { errors: { extensions: { code: string } }[] };
    expect(errors[0]?.extensions.code).toBe('OPERATION_NOT_TRUSTED');
  });

  it("prints the unit's staff page with each worker's BPJS enrolment", () => {
    expect(byBody.stderr).toBe('');
    expect(byBody.code).toBe(0);
    const { unit } = expected;
    expect(unit.workers.edges).toHaveLength(PAGE);
    expect(byBody.stdout).toContain(
      `${unit.name} (${UNIT}, ${unit.kind}, region ${unit.regionCode}): ${PAGE} of ${grouped(unit.workers.totalCount)} workers`,
    );
    for (const { node } of unit.workers.edges) {
      expect(cellsOfLine(byBody.stdout, node.nik)).toEqual([
        node.nik,
        node.name,
        node.category,
        node.contractStart,
        grouped(node.monthlyWage),
        node.bpjs?.kpj ?? '—',
        node.bpjs?.enrollments
          .filter((enrollment) => enrollment.until === null)
          .map((enrollment) => enrollment.program)
          .join(', ') || '—',
      ]);
    }
  });

  it('says which fields the policy withheld from an HR officer, and shows the rest', () => {
    const participants = expected.unit.workers.edges.filter(({ node }) => node.bpjs !== null).length;
    expect(participants).toBeGreaterThan(0);
    expect(byBody.stdout).toContain(`Withheld: ${participants} × FORBIDDEN at unit.workers.edges.*.node.bpjs.claims`);
  });

  it("prints DKI's 2016 claims by programme", () => {
    const claims = expected.claimStatistics;
    expect(byBody.stdout).toContain(
      `Claims filed in 2016, region 31: ${grouped(claims.count)} claims, Rp ${grouped(claims.amount)}`,
    );
    for (const row of claims.byProgram) {
      expect(cellsOfLine(byBody.stdout, row.program)).toEqual([row.program, grouped(row.count), grouped(row.amount)]);
    }
  });

  it('prints the same by persisted query ids alone', async () => {
    const byId = await runExample(['--url', url, '--unit', UNIT, '--first', String(PAGE), '--persisted'], hrToken);
    // The same page, but its next-page cursor sealed afresh.
    const sameCursor = (run: Run) => ({ ...run, stdout: run.stdout.replace(/--after \S+/g, '--after <cursor>') });
    expect(sameCursor(byId)).toEqual(sameCursor(byBody));
  });

  it('exits 1 with the error code when the gateway refuses the token', async () => {
    const refused = await runExample(['--url', url], `${hrToken}x`);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/^error: \w+ failed: UNAUTHENTICATED: .+ \(HTTP 401\)\n$/);
  });
});
