import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Kind, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ensurePlaygroundBundle } from '@jembatan/gateway';
import { apiSchemaOf, readSavedOperations, SUPERGRAPH_PATH } from '@jembatan/schema';
import { ensureChromium, launchChromium } from './harness/chromium';
import { startProductionGateway } from './harness/production-gateway';
import { bpjsSubgraph } from '@jembatan/bpjs';
import { isPurpose, isRole, mayDeclare, PURPOSE_DESCRIPTIONS, ROLE_DESCRIPTIONS } from '@jembatan/kit/access';
import type { Purpose, Role } from '@jembatan/kit';
import { operationCallerOf } from '@jembatan/kit/saved-operations';
import { workforceSubgraph } from '@jembatan/workforce';
import { callerWith, startSupergraph, type RunningSupergraph } from './harness';

const SCREENSHOTS = resolve(__dirname, '../test-output/playground');
const screenshot = (name: string) => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, `${name}.png`);
};
/** The narrowest screen the playground promises every tab on. */
const VIEWPORT = { width: 1280, height: 800 };
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
const SAVED = readSavedOperations();

/** The little of the browser's globals the page functions below use (this project's types are Node's). */
interface BrowserGlobals {
  document: { querySelector(selector: string): { textContent: string | null } | null };
  localStorage: Record<string, string> & { getItem(key: string): string | null };
}

/** What one browser page did: every request it tried to send anywhere else, and its GraphQL requests. */
interface Watched {
  blocked: string[];
  graphql: { authorization?: string; purpose?: string; operationName?: string; variables?: unknown }[];
  csv: { authorization?: string; purpose?: string; search: string }[];
  problems: string[];
}

/** Lets the page reach only loopback, recording what it tried beyond, as a closed network would. */
async function watchedPage(context: BrowserContext): Promise<{ page: Page; watched: Watched }> {
  const watched: Watched = { blocked: [], graphql: [], csv: [], problems: [] };
  await context.route('**/*', (route) => {
    const request = route.request();
    const url = new URL(request.url());
    if (!LOOPBACK.has(url.hostname)) {
      watched.blocked.push(url.href);
      return route.abort('blockedbyclient');
    }
    if (url.pathname === '/csv') {
      const headers = request.headers();
      watched.csv.push({ authorization: headers.authorization, purpose: headers['x-purpose'], search: url.search });
    }
    if (url.pathname === '/graphql') {
      const headers = request.headers();
      const body = request.postDataJSON() as { operationName?: string; variables?: unknown } | null;
      watched.graphql.push({
        authorization: headers.authorization,
        purpose: headers['x-purpose'],
        operationName: body?.operationName ?? undefined,
        variables: body?.variables,
      });
    }
    return route.continue();
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => watched.problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') watched.problems.push(`console: ${message.text()}`);
  });
  return { page, watched };
}

/** The text Monaco shows in an editor, with its non-breaking spaces made plain. */
const editorText = (page: Page, editor: string) =>
  page
    .locator(`${editor} .view-lines`)
    .first()
    .evaluate((lines) => (lines.textContent ?? '').replace(/\u00a0/g, ' '));

const tabButton = (page: Page, name: string) =>
  page.locator('.graphiql-tab-button', { hasText: new RegExp(`^${name}$`) });
const viewButton = (page: Page, label: 'JSON' | 'Table' | 'Chart') =>
  page.locator('.jembatan-view-switch button', { hasText: label });
/** The result table's rows, each as its cells joined by commas (as a CSV line without quoting). */
const tableLines = async (page: Page) =>
  (await page.locator('.jembatan-result-table tbody tr').allInnerTexts()).map((row) => row.split('\t').join(','));

async function runAndWaitForResult(page: Page, expected: string): Promise<string> {
  await page.locator('.graphiql-execute-button').click();
  await expect.poll(() => editorText(page, '.graphiql-response'), { timeout: 20_000 }).toContain(expected);
  return editorText(page, '.graphiql-response');
}

const WRITE_STORY = [
  'RegisterWorker',
  'TransferWorker',
  'CorrectWage',
  'EndContract',
  'EnrolParticipants',
  'EndCoverage',
  'FileClaim',
  'VerifyClaim',
  'PayClaim',
  'RejectClaim',
];

/** The role and purpose a saved operation's header names (`# Run as: …`), checked as names the kit knows. */
function declaredCallerOf(query: string): { role: Role; purpose: Purpose } {
  const caller = operationCallerOf(query);
  if (!caller)
    throw new Error(`a saved operation names no caller (# Run as: role, purpose …):\n${query.slice(0, 200)}`);
  const { role, purpose } = caller;
  if (!isRole(role) || !isPurpose(purpose))
    throw new Error(`unknown role or purpose in "# Run as: ${role}, purpose ${purpose}"`);
  return { role, purpose };
}

/** For a write, the roles and purposes its agency's write rules allow; undefined for a read. */
function writeRuleOf(query: string): Partial<Record<Role, readonly Purpose[]>> | undefined {
  const operation = parse(query).definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  if (operation?.kind !== Kind.OPERATION_DEFINITION || operation.operation !== 'mutation') return undefined;
  const field = operation.selectionSet.selections.find((selection) => selection.kind === Kind.FIELD);
  const coordinate = `Mutation.${field?.kind === Kind.FIELD ? field.name.value : ''}`;
  for (const { accessPolicy: policy } of [workforceSubgraph, bpjsSubgraph]) {
    const rule = (policy.writes as Record<string, Partial<Record<Role, readonly Purpose[]>>> | undefined)?.[coordinate];
    if (rule) return rule;
  }
  throw new Error(`no agency's write rules name ${coordinate}`);
}

/** The fields an answer's FORBIDDEN errors withhold, by name (`claims`), sorted. */
const withheldFields = (errors: { path?: readonly (string | number)[] }[]) =>
  [...new Set(errors.map((error) => (error.path ?? []).filter((key) => typeof key === 'string').at(-1)))].sort();

describe('the playground in headless Chromium', () => {
  let supergraph: RunningSupergraph;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let watched: Watched;
  let origin: string;
  /** The tabs as the page stored them when it opened: what a first-time visitor gets. */
  let tabs: { query: string; variables: string | null }[] = [];

  beforeAll(async () => {
    const [running, bundle] = await Promise.all([
      startSupergraph({ playground: true }),
      ensurePlaygroundBundle(),
      ensureChromium(),
    ]);
    supergraph = running;
    if (bundle.state !== 'fresh') console.log(`playground bundle ${bundle.state}: built in ${bundle.buildMs} ms`);
    origin = new URL(supergraph.gateway.url).origin;
    browser = await launchChromium();
    context = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
    ({ page, watched } = await watchedPage(context));
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await supergraph?.stop();
  });

  it('becomes interactive from the gateway alone, with nothing sent anywhere else', async () => {
    await page.goto(`${origin}/`);
    // Interactive: the first saved operation is in the editor and the schema's docs are listed.
    const interactiveAt = await page.waitForFunction(
      () => {
        const { document } = globalThis as unknown as BrowserGlobals;
        const editor = document.querySelector('.graphiql-query-editor .view-lines')?.textContent ?? '';
        const docs = document.querySelector('.graphiql-doc-explorer .graphiql-doc-explorer-type-name');
        // Milliseconds since navigation started: the page's own clock, not the test's.
        return editor.includes('ClaimsByProgram') && docs !== null && performance.now();
      },
      undefined,
      { timeout: 60_000 },
    );
    console.log(`playground interactive after ${Math.round((await interactiveAt.jsonValue()) as number)} ms`);
    expect(watched.blocked).toEqual([]);
    expect(watched.problems).toEqual([]);
  });

  it('opens a tab for every saved operation, each with variables that answer on the demo data', async () => {
    const titles = await page.locator('.graphiql-tab-button').allTextContents();
    expect(titles.map((title) => title.trim())).toEqual(SAVED.map((operation) => operation.name));
    const stored = await page.evaluate(() => {
      const { localStorage } = globalThis as unknown as BrowserGlobals;
      const key = Object.keys(localStorage).find((name) => name.endsWith('graphiql:tabState'));
      return key ? localStorage.getItem(key) : null;
    });
    tabs = (JSON.parse(stored ?? '{"tabs":[]}') as { tabs: typeof tabs }).tabs;
    expect(tabs.map((tab) => tab.query)).toEqual(SAVED.map((operation) => operation.source));
    // Each tab runs as the role and purpose its header names (what the page offers to switch to):
    // the role may declare the purpose, a write's agency lets it make the write, and the answer is
    // whole but for what the agencies keep from every single role by design: no role reads both
    // DKI's wages and BPJS's claims, so HR sees a unit's staff without their claims.
    // The write tabs tell one story each, in this order (see the playground's example variables).
    const storyOrder = (tab: { query: string }) => {
      const position = WRITE_STORY.findIndex((name) => tab.query.includes(`mutation ${name}(`));
      return position === -1 ? -1 : position;
    };
    const withheld: Record<string, unknown> = {};
    for (const tab of [...tabs].sort((a, b) => storyOrder(a) - storyOrder(b))) {
      const name = SAVED.find((operation) => operation.source === tab.query)!.name;
      const { role, purpose } = declaredCallerOf(tab.query);
      expect({ name, role, purpose, mayDeclare: mayDeclare([role], purpose) }).toEqual({
        name,
        role,
        purpose,
        mayDeclare: true,
      });
      const writeRule = writeRuleOf(tab.query);
      if (writeRule) expect({ name, allowed: writeRule[role]?.includes(purpose) }).toEqual({ name, allowed: true });
      const { status, body } = await supergraph.query(tab.query, JSON.parse(tab.variables ?? '{}'), {
        as: callerWith(role),
        purpose,
      });
      const errors = body.errors ?? [];
      const codes = errors.map((error) => error.extensions?.code);
      expect({ name, status, failures: codes.filter((code) => code !== 'FORBIDDEN') }).toEqual({
        name,
        status: 200,
        failures: [],
      });
      expect(body.data).toBeTruthy();
      if (errors.length > 0) withheld[name] = withheldFields(errors);
    }
    expect(withheld).toEqual({ UnitStaffWithBpjs: ['claims'] });
  });

  it('shows the docs explorer with the schema descriptions', async () => {
    await expect.poll(() => page.locator('.graphiql-doc-explorer').isVisible()).toBe(true);
    await page
      .locator('.graphiql-doc-explorer-type-name', { hasText: /^Query$/ })
      .first()
      .click();
    const query = apiSchemaOf(readFileSync(SUPERGRAPH_PATH, 'utf8')).getQueryType()!;
    const described = Object.values(query.getFields()).filter((field) => field.description);
    expect(described.length).toBeGreaterThan(5);
    const shown = await page.locator('.graphiql-doc-explorer-content').innerText();
    for (const field of described) expect(shown).toContain(field.description!.split('\n')[0]!.slice(0, 40));
  });

  it('runs a saved query as the analyst it opens with, and shows its result', async () => {
    const { body } = await supergraph.query<{ claimStatistics: { count: number; amount: string } }>(
      savedSource('ClaimsByProgram'),
      { year: 2016, regionCode: '31' },
      { as: callerWith('analyst'), purpose: 'STATISTICS' },
    );
    const { count, amount } = body.data!.claimStatistics;
    expect(count).toBeGreaterThan(0);
    const result = await runAndWaitForResult(page, `"count": ${count}`);
    expect(result).toContain(`"amount": "${amount}"`);
    expect(watched.graphql.at(-1)).toMatchObject({
      operationName: 'ClaimsByProgram',
      variables: { year: 2016, regionCode: '31' },
      purpose: 'STATISTICS',
    });
    expect(watched.graphql.at(-1)?.authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
    await page.screenshot({ path: screenshot('json') });
  });

  it('keeps every saved tab on screen at 1280 × 800, each one click away', async () => {
    const buttons = await page.locator('.graphiql-tab-button').all();
    expect(buttons).toHaveLength(SAVED.length);
    for (const button of buttons) {
      const box = (await button.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(VIEWPORT.width);
      expect(box.y + box.height).toBeLessThanOrEqual(VIEWPORT.height);
    }
    // Playwright clicks only what nothing covers: the last tab is really reachable.
    await buttons.at(-1)!.click();
    expect(await page.locator('.graphiql-tab-active .graphiql-tab-button').innerText()).toBe(SAVED.at(-1)!.name);
    await buttons[0]!.click();
    expect(await page.locator('.graphiql-tab-active .graphiql-tab-button').innerText()).toBe('ClaimsByProgram');
  });

  it('draws the claims by programme as a bar chart', async () => {
    await viewButton(page, 'Chart').click();
    const canvas = page.locator('.jembatan-chart-canvas canvas');
    await expect.poll(() => canvas.isVisible()).toBe(true);
    expect(await page.locator('.jembatan-chart-measures').innerText()).toContain('count by program');
    // Chart.js draws on the canvas: it is painted, not blank, under the page's CSP.
    const painted = await canvas.evaluate((element) => {
      const drawn = element as unknown as {
        width: number;
        height: number;
        getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: number[] } };
      };
      const { data } = drawn.getContext('2d').getImageData(0, 0, drawn.width, drawn.height);
      let opaque = 0;
      for (let alpha = 3; alpha < data.length; alpha += 4) if (data[alpha]! > 0) opaque += 1;
      return opaque;
    });
    expect(painted).toBeGreaterThan(2_000);
    await page.locator('.jembatan-chart-measures button', { hasText: 'amount' }).click();
    expect(await page.locator('.jembatan-chart-measures').innerText()).toContain('amount by program');
    await page.screenshot({ path: screenshot('chart') });
    expect(watched.problems).toEqual([]);
  });

  it('shows the table the CSV export makes, and downloads that CSV with the same token and purpose', async () => {
    await viewButton(page, 'Table').click();
    const header = await page.locator('.jembatan-result-table thead th').allInnerTexts();
    expect(header).toEqual(['program', 'count', 'amount']);
    const rows = await tableLines(page);
    expect(rows.length).toBeGreaterThan(1);
    await page.screenshot({ path: screenshot('table') });
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.jembatan-csv-button').click()]);
    expect(download.suggestedFilename()).toBe('ClaimsByProgram.csv');
    const lines = readFileSync(await download.path(), 'utf8')
      .trimEnd()
      .split('\r\n');
    expect(lines).toEqual(['program,count,amount', ...rows]);
    const sent = watched.csv.at(-1)!;
    expect(new URLSearchParams(sent.search)).toEqual(
      new URLSearchParams({ year: '2016', regionCode: '31', operation: 'ClaimsByProgram' }),
    );
    expect(sent.purpose).toBe('STATISTICS');
    expect(sent.authorization).toBe(watched.graphql.at(-1)?.authorization);
    await viewButton(page, 'JSON').click();
    expect(await page.locator('.graphiql-response .result-window').isVisible()).toBe(true);
  });

  it('says in words what the role and purpose are for, and that personal reads are recorded under the subject', async () => {
    expect(await page.locator('#playground-role-description').innerText()).toBe(ROLE_DESCRIPTIONS.analyst);
    expect(await page.locator('#playground-purpose-description').innerText()).toBe(PURPOSE_DESCRIPTIONS.STATISTICS);
    expect(await page.locator('.jembatan-audit-notice').innerText()).toMatch(/recorded in the agencies. audit trails/);
    expect(await page.locator('.jembatan-audit-subject').innerText()).toBe('playground-analyst');
    await page.locator('.jembatan-identity-bar').screenshot({ path: screenshot('identity-bar') });
  });

  it("shows a tab's errors in short, without stack traces, and switches to the role and purpose the tab needs", async () => {
    await tabButton(page, 'UnitStaffWithBpjs').click();
    const caller = page.locator('.jembatan-tab-caller');
    await expect.poll(() => caller.getAttribute('data-role')).toBe('dki_hr');
    expect(await caller.getAttribute('data-purpose')).toBe('HR_ADMINISTRATION');
    // As the analyst, the staff's personal data is refused: one short line per error.
    await page.locator('.graphiql-execute-button').click();
    const errors = page.locator('.jembatan-error-summary li');
    await expect.poll(() => errors.count(), { timeout: 20_000 }).toBeGreaterThan(0);
    for (const line of await errors.allInnerTexts()) expect(line).toMatch(/^FORBIDDEN unit\.workers(\.\S+)? \S/);
    // The development gateway sends no stack traces (DEBUG_ERRORS=stack would), so none is shown.
    expect(await editorText(page, '.graphiql-response')).not.toMatch(/stacktrace|node_modules/);
    await page.screenshot({ path: screenshot('errors') });

    await caller.locator('button').click();
    expect(await page.inputValue('#playground-role')).toBe('dki_hr');
    expect(await page.inputValue('#playground-purpose')).toBe('HR_ADMINISTRATION');
    await page.locator('.graphiql-execute-button').click();
    await expect
      .poll(() => page.locator('.jembatan-audit-subject').innerText(), { timeout: 20_000 })
      .toBe('playground-dki_hr');
    // HR sees the staff; only their claims stay withheld (BPJS keeps those for its officers).
    await expect
      .poll(
        async () => [
          ...new Set((await errors.allInnerTexts()).map((line) => line.split(' ')[1]?.replace(/\.\d+\./g, '.'))),
        ],
        { timeout: 20_000 },
      )
      .toEqual(['unit.workers.edges.node.bpjs.claims']);
    expect(watched.graphql.at(-1)).toMatchObject({ operationName: 'UnitStaffWithBpjs', purpose: 'HR_ADMINISTRATION' });
    expect(await caller.innerText()).toContain('that is who you send as');
  });

  it("pages through a connection's table with pageInfo's endCursor", async () => {
    await viewButton(page, 'Table').click();
    const first = await tableLines(page);
    expect(first).toHaveLength(5);
    expect(await page.locator('.jembatan-result-table-caption').innerText()).toMatch(
      /^5 rows of \d+ from unit\.workers/,
    );
    await page.locator('.jembatan-next-page').click();
    // While the next page loads the table is empty, which also differs from the first page.
    const nextPage = async () => {
      const lines = await tableLines(page);
      return lines.length > 0 && lines.join('\n') !== first.join('\n') ? lines : undefined;
    };
    await expect.poll(nextPage, { timeout: 20_000 }).toBeDefined();
    const { variables } = watched.graphql.at(-1)! as { variables: { after?: unknown } };
    expect(variables).toEqual({ code: 'KEC-317401', first: 5, after: expect.any(String) });
    // Cursors are sealed for their caller: the second page is the gateway's sixth to tenth worker.
    const { body } = await supergraph.query<{ unit: { workers: { edges: { node: { nik: string } }[] } } }>(
      savedSource('UnitStaffWithBpjs'),
      { code: 'KEC-317401', first: 10 },
      { as: callerWith('dki_hr'), purpose: 'HR_ADMINISTRATION' },
    );
    const niks = body.data!.unit.workers.edges.map(({ node }) => node.nik);
    expect(first.map((line) => line.split(',')[0])).toEqual(niks.slice(0, 5));
    expect((await nextPage())?.map((line) => line.split(',')[0])).toEqual(niks.slice(5, 10));
    await page.screenshot({ path: screenshot('table-next-page') });
    await page.locator('.jembatan-first-page').click();
    await expect.poll(() => tableLines(page), { timeout: 20_000 }).toEqual(first);
    await viewButton(page, 'JSON').click();
  });

  it("charts the workforce by category and a unit's coverage by programme as well", async () => {
    for (const [name, caption] of [
      ['WorkforceByCategory', 'count by category'],
      ['UnitCoverage', 'enrolled by program'],
    ] as const) {
      await tabButton(page, name).click();
      await page.locator('.graphiql-execute-button').click();
      await expect.poll(() => viewButton(page, 'Chart').isEnabled(), { timeout: 20_000 }).toBe(true);
      await viewButton(page, 'Chart').click();
      expect(await page.locator('.jembatan-chart-measures').innerText()).toContain(caption);
      await page.screenshot({ path: screenshot(`chart-${name}`) });
    }
    await viewButton(page, 'JSON').click();
  });

  it('sends the role and purpose picked, without a pasted token', async () => {
    const tab = tabs.find((candidate) => candidate.query === savedSource('WorkerEnrolment'));
    const { nik } = JSON.parse(tab?.variables ?? '{}') as { nik?: string };
    expect(nik).toMatch(/^\d{16}$/);
    const { body } = await supergraph.query<{ worker: { name: string } }>(
      savedSource('WorkerEnrolment'),
      { nik },
      { as: callerWith('dki_hr'), purpose: 'HR_ADMINISTRATION' },
    );
    await page.selectOption('#playground-role', 'dki_hr');
    await page.selectOption('#playground-purpose', 'HR_ADMINISTRATION');
    await page.locator('.graphiql-tab-button', { hasText: 'WorkerEnrolment' }).click();
    // Run at once, as a quick person would: GraphiQL reads the document from the editor at once
    // but its operation name a debounce later, so the page must name the operation from the
    // document it sends, not from the tab it left.
    await runAndWaitForResult(page, `"name": "${body.data!.worker.name}"`);
    expect(watched.graphql.at(-1)).toMatchObject({
      operationName: 'WorkerEnrolment',
      variables: { nik },
      purpose: 'HR_ADMINISTRATION',
    });
    expect(watched.blocked).toEqual([]);
    expect(watched.problems).toEqual([]);
  });

  it('offers the explorer, which lists the fields to build a query from', async () => {
    await page.locator('button[aria-label="Show GraphiQL Explorer"]').click();
    await expect.poll(() => page.locator('.graphiql-explorer-root').innerText()).toContain('claimStatistics');
  });

  describe('behind a production gateway', () => {
    it('is not served unless PLAYGROUND=on', async () => {
      const gateway = await startProductionGateway(supergraph, { PLAYGROUND: undefined });
      try {
        expect((await fetch(`${gateway.origin}/`)).status).toBe(404);
      } finally {
        await gateway.close();
      }
    });

    it('takes a pasted token, and has no token endpoint', async () => {
      const gateway = await startProductionGateway(supergraph, { PLAYGROUND: 'on' });
      try {
        const minted = await fetch(`${gateway.origin}/playground/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ role: 'analyst' }),
        });
        expect(minted.status).toBe(404);
        const production = await watchedPage(context);
        await production.page.goto(`${gateway.origin}/`);
        await production.page.fill('#playground-token', await supergraph.tokenFor(callerWith('analyst')));
        await production.page.locator('.jembatan-pasted-token button').click();
        await production.page.selectOption('#playground-purpose', 'STATISTICS');
        await production.page.locator('.graphiql-tab-button', { hasText: 'WorkforceByCategory' }).click();
        await runAndWaitForResult(production.page, '"workerCount"');
        // The pasted token's subject is the one the audit trails record; its purpose is described too.
        expect(await production.page.locator('.jembatan-audit-subject').innerText()).toBe(
          callerWith('analyst').subject,
        );
        expect(await production.page.locator('#playground-purpose-description').innerText()).toBe(
          PURPOSE_DESCRIPTIONS.STATISTICS,
        );
        await production.page.locator('.jembatan-identity-bar').screenshot({ path: screenshot('identity-bar-pasted') });
        expect(production.watched.blocked).toEqual([]);
        await production.page.close();
      } finally {
        await gateway.close();
      }
    });
  });
});

function savedSource(name: string): string {
  const operation = SAVED.find((saved) => saved.name === name);
  if (!operation) throw new Error(`no saved operation ${name}`);
  return operation.source;
}
