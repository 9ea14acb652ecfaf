import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApolloServer } from '@apollo/server';
import { buildSchema } from 'graphql';
import { RequestRejectedError } from '@jembatan/kit';
import type { GatewayContext } from '../../context';
import { contextOf } from '../../limits/__tests__/test-apollo';
import { createCsvExporter, type ExportableOperation } from '../csv-export';

const PAGE_SIZE = 2;
const CODES = ['A', 'B', 'C', 'D', 'E'];
const PAGES = Math.ceil(CODES.length / PAGE_SIZE);

const schema = buildSchema(`
  type Query { units(first: Int, after: String): UnitConnection! }
  type UnitConnection { edges: [UnitEdge!]! pageInfo: PageInfo! }
  type UnitEdge { cursor: String! node: Unit! }
  type Unit { code: String! }
  type PageInfo { hasNextPage: Boolean! endCursor: String }
`);

/** A connection of five units, two a page, the cursor being the index of the last unit given. */
const rootValue = {
  units: (args: { first: number; after?: string | null }) => {
    const start = args.after ? Number(args.after) + 1 : 0;
    const page = CODES.slice(start, start + args.first);
    const last = start + page.length - 1;
    return {
      edges: page.map((code, index) => ({ cursor: String(start + index), node: { code } })),
      pageInfo: { hasNextPage: last < CODES.length - 1, endCursor: String(last) },
    };
  },
};

const UNITS: ExportableOperation = {
  name: 'Units',
  body: `query Units($after: String) { units(first: ${PAGE_SIZE}, after: $after) { edges { node { code } } pageInfo { hasNextPage endCursor } } }`,
};
const request = { headers: {} } as IncomingMessage;

describe('a CSV export that follows pages', () => {
  let apollo: ApolloServer<GatewayContext>;
  beforeAll(async () => {
    apollo = new ApolloServer<GatewayContext>({ schema, rootValue, stopOnTerminationSignals: false });
    await apollo.start();
  });
  afterAll(() => apollo.stop());

  const exporterAdmitting = (admitFurtherPage: (context: GatewayContext) => Promise<void>) =>
    createCsvExporter({
      apollo,
      apiSchema: () => schema,
      maxRows: 100,
      admitFurtherPage,
    });

  it('counts every page after the first against the rate limit, and makes the whole table', async () => {
    const admitted: GatewayContext[] = [];
    const context = contextOf(['analyst']);
    const exportTable = exporterAdmitting(async (admittedContext) => {
      admitted.push(admittedContext);
    });
    const table = await exportTable(request, context, { operation: UNITS, variables: new Map() });
    expect(table.rows.map(([code]) => code)).toEqual(CODES);
    expect(admitted).toEqual(Array.from({ length: PAGES - 1 }, () => context));
  });

  it('stops when a page is refused, passing the refusal on and making no table', async () => {
    let pagesAdmitted = 0;
    const refusal = new RequestRejectedError(429, 'RATE_LIMITED', 'Too many requests; retry later', {
      'retry-after': '7',
    });
    const exportTable = exporterAdmitting(async () => {
      if (pagesAdmitted === 1) throw refusal;
      pagesAdmitted += 1;
    });
    await expect(exportTable(request, contextOf(['analyst']), { operation: UNITS, variables: new Map() })).rejects.toBe(
      refusal,
    );
  });
});
