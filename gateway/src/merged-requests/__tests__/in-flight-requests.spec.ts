import { describe, expect, it, vi } from 'vitest';
import type { GatewayContext } from '../../context';
import { InFlightRequests } from '../in-flight-requests';
import type { RequestFetch } from '../request-fetches';

const contextOf = (requestId: string): GatewayContext => ({
  requestId,
  caller: { subject: 'hr-officer-1', agency: 'pemprov-dki', roles: ['dki_hr'] },
  purpose: 'HR_ADMINISTRATION',
  dataSubject: null,
  publishedOperation: 'UnitStaffWithBpjs',
});

/** A fetch of the leader's whose copies are noted, one line per call, and granted unless `refuse`. */
function fetchOf(subgraph: string, audited: boolean, calls: string[], refuse = false): RequestFetch {
  return {
    subgraph,
    audited,
    recordCopiesFor: async (contexts) => {
      calls.push(`${subgraph} for ${contexts.map((context) => context.requestId).join(' ')}`);
      return !refuse;
    },
  };
}

function leaderAndFollowers(inFlight: InFlightRequests<string>, count: number) {
  const leader = inFlight.join('key', contextOf('request-1'));
  if (!leader.leads) throw new Error('the first request should lead');
  const answers = Array.from({ length: count }, (_, index) => {
    const joined = inFlight.join('key', contextOf(`request-${index + 2}`));
    if (joined.leads) throw new Error('the others should follow');
    return joined.answer;
  });
  return { settle: leader.settle, answers: Promise.all(answers) };
}

describe('InFlightRequests', () => {
  it('gives the others the leader’s answer once each personal read is recorded for all of them, one call per fetch', async () => {
    const merged = vi.fn();
    const inFlight = new InFlightRequests<string>({ onMerged: merged });
    const { settle, answers } = leaderAndFollowers(inFlight, 2);
    const calls: string[] = [];
    settle({
      response: 'the page',
      fetches: [fetchOf('workforce', true, calls), fetchOf('bpjs', true, calls), fetchOf('bpjs', false, calls)],
    });
    expect(await answers).toEqual(['the page', 'the page']);
    // A fetch the agency recorded nothing for needs no copy: only the two audited ones are copied, each once for both.
    expect(calls.sort()).toEqual(['bpjs for request-2 request-3', 'workforce for request-2 request-3']);
    expect(merged).toHaveBeenCalledTimes(2);
    // Settled: the next identical request leads again.
    expect(inFlight.join('key', contextOf('request-4')).leads).toBe(true);
  });

  it('lets the others run on their own when a copy is refused', async () => {
    const inFlight = new InFlightRequests<string>();
    const { settle, answers } = leaderAndFollowers(inFlight, 2);
    const calls: string[] = [];
    settle({
      response: 'the page',
      fetches: [fetchOf('workforce', true, calls), fetchOf('bpjs', true, calls, true)],
    });
    expect(await answers).toEqual([null, null]);
  });

  it('lets the others run on their own when the leader cannot share its answer', async () => {
    const inFlight = new InFlightRequests<string>();
    const { settle, answers } = leaderAndFollowers(inFlight, 1);
    settle(null);
    expect(await answers).toEqual([null]);
  });

  it('holds no one past its deadline when a leader never settles, and forgets that leader', async () => {
    vi.useFakeTimers();
    try {
      const inFlight = new InFlightRequests<string>({ maxWaitMs: 1_000 });
      const { settle: lateSettle, answers } = leaderAndFollowers(inFlight, 1);
      await vi.advanceTimersByTimeAsync(1_000);
      expect(await answers).toEqual([null]);
      expect(inFlight.join('key', contextOf('request-9')).leads).toBe(true);
      // The stuck leader settling late changes nothing for the new flight.
      lateSettle({ response: 'late', fetches: [] });
      expect(inFlight.join('key', contextOf('request-10')).leads).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('never merges different keys', () => {
    const inFlight = new InFlightRequests<string>();
    expect(inFlight.join('one', contextOf('request-1')).leads).toBe(true);
    expect(inFlight.join('other', contextOf('request-2')).leads).toBe(true);
  });
});
