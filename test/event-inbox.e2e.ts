import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSupergraph, type RunningSupergraph } from './harness';

const QUERY = `query ParkedEvents($first: Int) {
  eventInbox {
    workforce(first: $first) { id }
    bpjs(first: $first) { id agency source type keySeq code reason attempts occurredAt firstSeenAt parkedAt }
  }
}`;
const auditor = { subject: 'inspektorat@jakarta.go.id', agency: 'pemprov-dki', roles: ['auditor'] as const };

let supergraph: RunningSupergraph;
const parkedId = randomUUID();
beforeAll(async () => {
  supergraph = await startSupergraph();
  await supergraph.bpjs.database.dataSource.query(
    `INSERT INTO inbox_parked_event
       (id, source, type, ordering_key, key_seq, occurred_at, payload, code, message, attempts, first_seen_at, parked_at)
     VALUES ($1, 'workforce', 'WorkerRegistered', 'nik:3174015203850001', 1, '2026-03-01T01:00:00Z',
             '{"nik": "3174015203850001"}', 'PROGRAM_NOT_AVAILABLE', 'JKK cover cannot start before 2016-03-01', 1,
             '2026-03-01T01:00:01Z', now() + interval '1 day')`,
    [parkedId],
  );
});
afterAll(async () => {
  await supergraph?.bpjs.database.dataSource.query('DELETE FROM inbox_parked_event WHERE id = $1', [parkedId]);
  await supergraph?.stop();
});

describe('parked events for operators', () => {
  it("lists each agency's parked events for an auditor with AUDIT: what and why, never the payload or whose", async () => {
    const { status, body } = await supergraph.query(QUERY, { first: 1 }, { as: auditor, purpose: 'AUDIT' });
    expect(status).toBe(200);
    expect(body).toEqual({
      data: {
        eventInbox: {
          workforce: [],
          bpjs: [
            {
              id: parkedId,
              agency: 'BPJS Ketenagakerjaan',
              source: 'workforce',
              type: 'WorkerRegistered',
              keySeq: 1,
              code: 'PROGRAM_NOT_AVAILABLE',
              reason: 'JKK cover cannot start before 2016-03-01',
              attempts: 1,
              occurredAt: '2026-03-01T01:00:00.000Z',
              firstSeenAt: '2026-03-01T01:00:01.000Z',
              parkedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
            },
          ],
        },
      },
    });
    expect(JSON.stringify(body)).not.toContain('3174015203850001');
  });

  it('is refused to other roles and purposes, and a page size out of range is refused by name', async () => {
    const hr = await supergraph.query(
      QUERY,
      {},
      {
        as: { subject: 'siti.rahma@jakarta.go.id', agency: 'pemprov-dki', roles: ['dki_hr'] },
        purpose: 'HR_ADMINISTRATION',
      },
    );
    expect(hr.body.data?.eventInbox ?? null).toBeNull();
    expect(hr.body.errors?.map((error: { extensions?: { code?: string } }) => error.extensions?.code)).toContain(
      'FORBIDDEN',
    );
    const tooMany = await supergraph.query(QUERY, { first: 501 }, { as: auditor, purpose: 'AUDIT' });
    expect(tooMany.body.errors?.map((error: { extensions?: { code?: string } }) => error.extensions?.code)).toContain(
      'PAGE_SIZE_OUT_OF_RANGE',
    );
  });
});
