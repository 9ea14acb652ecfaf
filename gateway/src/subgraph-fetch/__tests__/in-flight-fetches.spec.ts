import { describe, expect, it } from 'vitest';
import { InFlightFetches } from '../in-flight-fetches';
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

async function concurrently(
  fetches: InFlightFetches,
  subgraph: ReturnType<typeof slowSubgraph>,
  keys: string[],
): Promise<{ responses: FetchResponse[]; policies: RecordingCachePolicy[] }> {
  const policies = keys.map(() => new RecordingCachePolicy());
  const pending = Promise.all(
    keys.map((key, index) => fetches.fetch('bpjs', key, policies[index]!, subgraph.send(`${key}#${index}`))),
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
    const leader = fetches.fetch('bpjs', 'claims', policies[0]!, subgraph.send('leader')).then((response) => {
      // The gateway merges the next fetch's entities into the answer it got, before the follower reads its own.
      (response.data as typeof ANSWER).claimStatistics.byProgram.push({ program: 'JKK', count: 474 });
      return response;
    });
    const follower = fetches.fetch('bpjs', 'claims', policies[1]!, subgraph.send('follower'));
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
      fetches.fetch('bpjs', 'worker', policy, subgraph.send(`again#${index}`)),
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
    const leader = fetches.fetch('bpjs', 'claims', policies[0]!, subgraph.send('leader'));
    const follower = fetches.fetch('bpjs', 'claims', policies[1]!, async () => ({ data: ANSWER }));
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
    const both = policies.map((policy, index) => fetches.fetch('bpjs', 'a', policy, personal.send(`a#${index}`)));
    await new Promise((resolve) => setImmediate(resolve));
    expect(personal.started).toEqual(['a#0']);
    while (personal.started.length < 2) await personal.releaseAll();
    await personal.releaseAll();
    await Promise.all(both);
  });
});
