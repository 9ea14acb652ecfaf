import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Kind, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ensurePlaygroundBundle } from '@jembatan/gateway';
import { apiSchemaOf, readSavedOperations, SUPERGRAPH_PATH } from '@jembatan/schema';
import { ensureChromium, launchChromium } from './harness/chromium';
import { startProductionGateway } from './harness/production-gateway';
import { bpjsSubgraph } from '@jembatan/bpjs';
import type { Caller, Purpose, Role } from '@jembatan/kit';
import { workforceSubgraph } from '@jembatan/workforce';
import { callerWith, startSupergraph, type RunningSupergraph } from './harness';

const SCREENSHOT = resolve(__dirname, '../test-output/playground.png');
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
  problems: string[];
}

/** Lets the page reach only loopback, recording what it tried beyond, as a closed network would. */
async function watchedPage(context: BrowserContext): Promise<{ page: Page; watched: Watched }> {
  const watched: Watched = { blocked: [], graphql: [], problems: [] };
  await context.route('**/*', (route) => {
    const request = route.request();
    const url = new URL(request.url());
    if (!LOOPBACK.has(url.hostname)) {
      watched.blocked.push(url.href);
      return route.abort('blockedbyclient');
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

/** For a write tab, the first role and purpose its agency's write rules allow; undefined for a read. */
function writerOf(query: string): { as: Caller; purpose: Purpose } | undefined {
  const operation = parse(query).definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  if (operation?.kind !== Kind.OPERATION_DEFINITION || operation.operation !== 'mutation') return undefined;
  const field = operation.selectionSet.selections.find((selection) => selection.kind === Kind.FIELD);
  const coordinate = `Mutation.${field?.kind === Kind.FIELD ? field.name.value : ''}`;
  for (const { accessPolicy: policy } of [workforceSubgraph, bpjsSubgraph]) {
    const rule: Partial<Record<Role, readonly Purpose[]>> =
      (policy.writes as Record<string, Partial<Record<Role, readonly Purpose[]>>> | undefined)?.[coordinate] ?? {};
    for (const [role, purposes] of Object.entries(rule) as [Role, readonly Purpose[]][]) {
      if (purposes[0]) return { as: callerWith(role), purpose: purposes[0] };
    }
  }
  throw new Error(`no agency's write rules name ${coordinate}`);
}

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
    context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
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
    // As staff of both agencies enrolling: fields no purpose of theirs opens (wages with claim
    // amounts) may be withheld, nothing else may fail. A write goes as the role and purpose its
    // agency's policy lets make it.
    // The write tabs tell one story each, in this order (see the playground's example variables).
    const storyOrder = (tab: { query: string }) => {
      const position = WRITE_STORY.findIndex((name) => tab.query.includes(`mutation ${name}(`));
      return position === -1 ? -1 : position;
    };
    for (const tab of [...tabs].sort((a, b) => storyOrder(a) - storyOrder(b))) {
      const { status, body } = await supergraph.query(
        tab.query,
        JSON.parse(tab.variables ?? '{}'),
        writerOf(tab.query),
      );
      const codes = (body.errors ?? []).map((error) => error.extensions?.code);
      expect({ tab: tab.query.slice(0, 60), status, failures: codes.filter((code) => code !== 'FORBIDDEN') }).toEqual({
        tab: tab.query.slice(0, 60),
        status: 200,
        failures: [],
      });
      expect(body.data).toBeTruthy();
    }
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
    mkdirSync(dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
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
