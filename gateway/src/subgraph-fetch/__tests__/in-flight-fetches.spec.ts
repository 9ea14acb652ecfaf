import { describe, expect, it } from 'vitest';
import { AUDITED_READ_HEADER } from '@jembatan/kit/access';
import { InFlightFetches, type FetchRequester } from '../in-flight-fetches';
import type { CacheHint, CachePolicy, FetchResponse } from '../incoming-fetch';
import { RecordingCachePolicy } from '../recording-cache-policy';

const PUBLIC: CacheHint = { maxAge: 60, scope: 'PUBLIC' };
const ANSWER = { claimStatistics: { count: 35452, byProgram: [{ program: 'JHT', count: 34685 }] } };

/** A subgraph whose answers wait until released, so fetches overlap as they do under load. */
function slowSubgraph(answer: { hint?: CacheHint; response?: FetchResponse; fail?: boolean }) {
  const started: string[] = [];
  const waiting: (() => void)[] = [];
  const send = (label: string) => async (policy: CachePolicy) => {
    started.push(label);
    await new Promise<void>((resolve) => waiting.push(resolve));
    if (answer.fail) throw new Error('bug in the data source');
    // As RemoteGraphQLDataSource does with the subgraph's Cache-Control.
    policy.restrict(answer.hint ?? { maxAge: 0 });
    return structuredClone(answer.response ?? { data: ANSWER });
  };
  const releaseAll = async () => {
    // Let every fetch reach its subgraph (or its wait) first.
    await new Promise((resolve) => setImmediate(resolve));
    waiting.splice(0).forEach((release) => release());
  };
  return { started, send, releaseAll };
}

/** A request of its own caller (`subject`), whose audit copies the agency records unless told to refuse. */
function requester(
  subject: string | undefined,
  requestId: string,
  copies: string[] = [],
  refuse = false,
): FetchRequester {
  return {
    subject,
    requestId,
    recordCopyOf: async (copyOf) => {
      copies.push(`${requestId} copies ${copyOf}`);
      return !refuse;
    },
  };
}

/** Each fetch of a different caller, unless `subjects` says whose it is. */
async function concurrently(
  fetches: InFlightFetches,
  subgraph: ReturnType<typeof slowSubgraph>,
  keys: string[],
  requesters: FetchRequester[] = keys.map((_, index) => requester(`caller-${index}`, `request-${index}`)),
): Promise<{ responses: FetchResponse[]; policies: RecordingCachePolicy[] }> {
  const policies = keys.map(() => new RecordingCachePolicy());
  const pending = Promise.all(
    keys.map((key, index) =>
      fetches.fetch('bpjs', key, requesters[index]!, policies[index]!, subgraph.send(`${key}#${index}`)),
    ),
  );
  // Followers whose leader's answer is not public fetch on their own: release those too.
  let done = false;
  void pending.finally(() => (done = true));
  while (!done) {
    await subgraph.releaseAll();
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  return { responses: await pending, policies };
}

describe('identical fetches in flight', () => {
  it('are sent once when the answer is public; each request gets its own copy and the hint', async () => {
    const merged: string[] = [];
    const fetches = new InFlightFetches({ onMerged: (subgraph) => merged.push(subgraph) });
    const subgraph = slowSubgraph({ hint: PUBLIC });
    const { responses, policies } = await concurrently(fetches, subgraph, ['claims', 'claims', 'claims', 'claims']);

    expect(subgraph.started).toEqual(['claims#0']);
    expect(merged).toEqual(['bpjs', 'bpjs', 'bpjs']);
    for (const response of responses) expect(response.data).toEqual(ANSWER);
    expect(new Set(responses.map((response) => response.data)).size).toBe(4);
    for (const policy of policies) expect(policy.policyIfCacheable()).toEqual(PUBLIC);
  });

  it('share nothing the leader changes after its answer arrived', async () => {
    const fetches = new InFlightFetches();
    const subgraph = slowSubgraph({ hint: PUBLIC });
    const policies = [new RecordingCachePolicy(), new RecordingCachePolicy()];
    const leader = fetches
      .fetch('bpjs', 'claims', requester('a', 'r0'), policies[0]!, subgraph.send('leader'))
      .then((response) => {
        // The gateway merges the next fetch's entities into the answer it got, before the follower reads its own.
        (response.data as typeof ANSWER).claimStatistics.byProgram.push({ program: 'JKK', count: 474 });
        return response;
      });
    const follower = fetches.fetch('bpjs', 'claims', requester('b', 'r1'), policies[1]!, subgraph.send('follower'));
    await subgraph.releaseAll();
    expect((await leader).data).not.toEqual(ANSWER);
    expect((await follower).data).toEqual(ANSWER);
    expect(subgraph.started).toEqual(['leader']);
  });

  it.each([
    ['no hint (personal or unmarked)', { hint: { maxAge: 0 } }],
    ['a private hint', { hint: { maxAge: 60, scope: 'PRIVATE' as const } }],
    ['a hint without a scope', { hint: { maxAge: 60 } }],
    ['errors beside a public hint', { hint: PUBLIC, response: { data: null, errors: [{ message: 'x' }] } as never }],
  ])('are each sent when the answer has %s, and from then on without waiting', async (_, answer) => {
    const merged: string[] = [];
    const fetches = new InFlightFetches({ onMerged: (subgraph) => merged.push(subgraph) });
    const subgraph = slowSubgraph(answer);
    await concurrently(fetches, subgraph, ['worker', 'worker', 'worker']);
    // The first time, the others waited for the leader's answer and then went on their own.
    expect([...subgraph.started].sort()).toEqual(['worker#0', 'worker#1', 'worker#2']);

    subgraph.started.length = 0;
    const policies = [new RecordingCachePolicy(), new RecordingCachePolicy(), new RecordingCachePolicy()];
    const again = policies.map((policy, index) =>
      fetches.fetch(
        'bpjs',
        'worker',
        requester(`caller-${index}`, `again-${index}`),
        policy,
        subgraph.send(`again#${index}`),
      ),
    );
    await new Promise((resolve) => setImmediate(resolve));
    // Known not to be shareable: all three are at the subgraph at once, none waits for another.
    expect(subgraph.started).toEqual(['again#0', 'again#1', 'again#2']);
    await subgraph.releaseAll();
    await Promise.all(again);
    expect(merged).toEqual([]);
  });

  it('never merge different keys', async () => {
    const fetches = new InFlightFetches();
    const subgraph = slowSubgraph({ hint: PUBLIC });
    await concurrently(fetches, subgraph, ['as dki_hr', 'as bpjs_officer', 'as dki_hr for STATISTICS']);
    expect(subgraph.started).toHaveLength(3);
  });

  it('send the followers on their own when the leader fails outright', async () => {
    const fetches = new InFlightFetches();
    const subgraph = slowSubgraph({ hint: PUBLIC, fail: true });
    const policies = [new RecordingCachePolicy(), new RecordingCachePolicy()];
    const leader = fetches.fetch('bpjs', 'claims', requester('a', 'r0'), policies[0]!, subgraph.send('leader'));
    const follower = fetches.fetch('bpjs', 'claims', requester('a', 'r1'), policies[1]!, async () => ({
      data: ANSWER,
    }));
    await subgraph.releaseAll();
    await expect(leader).rejects.toThrow('bug in the data source');
    expect((await follower).data).toEqual(ANSWER);
  });

  it('learn again with each answer: a key whose answer becomes public is shared again', async () => {
    const fetches = new InFlightFetches();
    const personal = slowSubgraph({ hint: { maxAge: 0 } });
    await concurrently(fetches, personal, ['unit', 'unit']);
    expect(personal.started).toHaveLength(2);
    const alone = slowSubgraph({ hint: PUBLIC });
    await concurrently(fetches, alone, ['unit']);
    const shared = slowSubgraph({ hint: PUBLIC });
    await concurrently(fetches, shared, ['unit', 'unit', 'unit']);
    expect(shared.started).toEqual(['unit#0']);
  });

  it('forget the oldest verdicts beyond the bound', async () => {
    const fetches = new InFlightFetches({ maxRememberedKeys: 1 });
    const personal = slowSubgraph({ hint: { maxAge: 0 } });
    await concurrently(fetches, personal, ['a']);
    await concurrently(fetches, personal, ['b']);
    // `a` is forgotten, so its next identical fetches wait for a leader again (and then go on their own).
    personal.started.length = 0;
    const policies = [new RecordingCachePolicy(), new RecordingCachePolicy()];
    const both = policies.map((policy, index) =>
      fetches.fetch('bpjs', 'a', requester(`caller-${index}`, `r${index}`), policy, personal.send(`a#${index}`)),
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(personal.started).toEqual(['a#0']);
    while (personal.started.length < 2) await personal.releaseAll();
    await personal.releaseAll();
    await Promise.all(both);
  });

  describe('with personal answers', () => {
    const PERSONAL = { hint: { maxAge: 0 } };

    it("are sent once for one caller, each follower receiving it only after the agency recorded the follower's own read", async () => {
      const merged: string[] = [];
      const copies: string[] = [];
      const fetches = new InFlightFetches({ onMerged: (subgraph) => merged.push(subgraph) });
      const subgraph = slowSubgraph(PERSONAL);
      const same = ['r0', 'r1', 'r2', 'r3'].map((id) => requester('dki-hr-1', id, copies));
      const { responses, policies } = await concurrently(fetches, subgraph, ['page', 'page', 'page', 'page'], same);

      expect(subgraph.started).toEqual(['page#0']);
      expect(copies.sort()).toEqual(['r1 copies r0', 'r2 copies r0', 'r3 copies r0']);
      expect(merged).toEqual(['bpjs', 'bpjs', 'bpjs']);
      for (const response of responses) expect(response.data).toEqual(ANSWER);
      expect(new Set(responses.map((response) => response.data)).size).toBe(4);
      // Not cacheable for anyone: the personal read's policy reaches every request that got it.
      for (const policy of policies) expect(policy.policyIfCacheable()).toBeNull();
    });

    it('are never shared between callers, even with the same roles and purpose (the same key)', async () => {
      const copies: string[] = [];
      const fetches = new InFlightFetches();
      const subgraph = slowSubgraph(PERSONAL);
      const callers = ['alice', 'bob', 'alice', 'carol'].map((subject, index) =>
        requester(subject, `r${index}`, copies),
      );
      const { responses } = await concurrently(fetches, subgraph, ['page', 'page', 'page', 'page'], callers);

      // alice's second request shares alice's answer; bob and carol each fetch their own.
      expect([...subgraph.started].sort()).toEqual(['page#0', 'page#1', 'page#3']);
      expect(copies).toEqual(['r2 copies r0']);
      expect(responses).toHaveLength(4);
    });

    it('that the agency says read nothing personal go to the same caller without a copy, never to another caller', async () => {
      const copies: string[] = [];
      const fetches = new InFlightFetches();
      const started: string[] = [];
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const send = (label: string) => async (policy: CachePolicy) => {
        started.push(label);
        await held;
        policy.restrict({ maxAge: 0 });
        return {
          data: structuredClone(ANSWER),
          http: { headers: new Headers({ [AUDITED_READ_HEADER]: 'none' }) },
        } as FetchResponse;
      };
      const asks = [requester('alice', 'r0', copies), requester('alice', 'r1', copies), requester('bob', 'r2', copies)];
      const pending = asks.map((ask, index) =>
        fetches.fetch('workforce', 'directory', ask, new RecordingCachePolicy(), send(`directory#${index}`)),
      );
      await new Promise((resolve) => setImmediate(resolve));
      release();
      const responses = await Promise.all(pending);
      expect(copies).toEqual([]);
      // alice's second request took her answer as it is; bob waited once, then fetched his own.
      expect([...started].sort()).toEqual(['directory#0', 'directory#2']);
      for (const response of responses) expect(response.data).toEqual(ANSWER);
    });

    it('are not shared with a request without a caller', async () => {
      const copies: string[] = [];
      const fetches = new InFlightFetches();
      const subgraph = slowSubgraph(PERSONAL);
      const anonymous = [requester(undefined, 'r0', copies), requester(undefined, 'r1', copies)];
      await concurrently(fetches, subgraph, ['page', 'page'], anonymous);
      expect(subgraph.started).toHaveLength(2);
      expect(copies).toEqual([]);
    });

    it('are fetched by the follower itself when the agency refuses or fails its audit copy', async () => {
      const copies: string[] = [];
      const merged: string[] = [];
      const fetches = new InFlightFetches({ onMerged: (subgraph) => merged.push(subgraph) });
      const subgraph = slowSubgraph(PERSONAL);
      const refused = [requester('alice', 'r0', copies), requester('alice', 'r1', copies, true)];
      await concurrently(fetches, subgraph, ['page', 'page'], refused);
      expect(copies).toEqual(['r1 copies r0']);
      expect([...subgraph.started].sort()).toEqual(['page#0', 'page#1']);
      expect(merged).toEqual([]);
    });

    it('fly per caller once the key is known to be personal: each caller shares only its own, nobody waits for another', async () => {
      const copies: string[] = [];
      const fetches = new InFlightFetches();
      const subgraph = slowSubgraph(PERSONAL);
      await concurrently(fetches, subgraph, ['page'], [requester('alice', 'r0', copies)]);
      subgraph.started.length = 0;

      const who = ['alice', 'bob', 'alice', 'bob', undefined, undefined].map((subject, index) =>
        requester(subject, `r${index + 1}`, copies),
      );
      const policies = who.map(() => new RecordingCachePolicy());
      const sent = who.map((each, index) =>
        fetches.fetch('bpjs', 'page', each, policies[index]!, subgraph.send(`page#${index}`)),
      );
      await new Promise((resolve) => setImmediate(resolve));
      // alice and bob each lead their own flight; requests without a caller never share.
      expect(subgraph.started).toEqual(['page#0', 'page#1', 'page#4', 'page#5']);
      await subgraph.releaseAll();
      await Promise.all(sent);
      expect(copies.sort()).toEqual(['r3 copies r1', 'r4 copies r2']);
    });
  });
});
