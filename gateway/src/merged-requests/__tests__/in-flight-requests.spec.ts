import { describe, expect, it, vi } from 'vitest';
import type { GatewayContext } from '../../context';
import { InFlightRequests } from '../in-flight-requests';
import type { RequestFetch } from '../request-fetches';

const contextOf = (requestId: string, subject = 'hr-officer-1'): GatewayContext => ({
  requestId,
  caller: { subject, agency: 'pemprov-dki', roles: ['dki_hr'] },
  purpose: 'HR_ADMINISTRATION',
  dataSubject: null,
  publishedOperation: 'UnitStaffWithBpjs',
});

/** A fetch of the leader's whose copies are noted, and granted unless `refuse`. */
function fetchOf(subgraph: string, isPublic: boolean, copies: string[], refuse = false): RequestFetch {
  return {
    subgraph,
    public: isPublic,
    recordCopyFor: async (context) => {
      copies.push(`${subgraph} for ${context.requestId}`);
      return !refuse;
    },
  };
}

describe('InFlightRequests', () => {
  it('gives the first request the lead and the others its answer, each after its personal reads are copied', async () => {
    const merged = vi.fn();
    const inFlight = new InFlightRequests<string>({ onMerged: merged });
    const leader = inFlight.join('key');
    const second = inFlight.join('key');
    const third = inFlight.join('key');
    expect(leader.leads).toBe(true);
    expect(second.leads).toBe(false);
    expect(third.leads).toBe(false);
    if (!leader.leads || second.leads || third.leads) return;

    const copies: string[] = [];
    const taken = Promise.all([
      inFlight.take(second.answer, contextOf('request-2')),
      inFlight.take(third.answer, contextOf('request-3')),
    ]);
    leader.settle({
      response: 'the page',
      fetches: [fetchOf('workforce', false, copies), fetchOf('bpjs', false, copies), fetchOf('bpjs', true, copies)],
    });
    expect(await taken).toEqual(['the page', 'the page']);
    // A public fetch read nobody: only the two personal ones are recorded, for each taker.
    expect(copies.sort()).toEqual([
      'bpjs for request-2',
      'bpjs for request-3',
      'workforce for request-2',
      'workforce for request-3',
    ]);
    expect(merged).toHaveBeenCalledTimes(2);
    // Settled: the next identical request leads again.
    expect(inFlight.join('key').leads).toBe(true);
  });

  it('lets a request run on its own when any copy is refused', async () => {
    const inFlight = new InFlightRequests<string>();
    const leader = inFlight.join('key');
    const follower = inFlight.join('key');
    if (!leader.leads || follower.leads) throw new Error('expected a leader and a follower');
    const copies: string[] = [];
    const taken = inFlight.take(follower.answer, contextOf('request-2'));
    leader.settle({
      response: 'the page',
      fetches: [fetchOf('workforce', false, copies), fetchOf('bpjs', false, copies, true)],
    });
    expect(await taken).toBeNull();
  });

  it('lets waiting requests run on their own when the leader cannot share its answer', async () => {
    const inFlight = new InFlightRequests<string>();
    const leader = inFlight.join('key');
    const follower = inFlight.join('key');
    if (!leader.leads || follower.leads) throw new Error('expected a leader and a follower');
    const taken = inFlight.take(follower.answer, contextOf('request-2'));
    leader.settle(null);
    expect(await taken).toBeNull();
  });

  it('holds no one past its deadline when a leader never settles, and forgets that leader', async () => {
    vi.useFakeTimers();
    try {
      const inFlight = new InFlightRequests<string>({ maxWaitMs: 1_000 });
      const stuck = inFlight.join('key');
      const follower = inFlight.join('key');
      if (!stuck.leads || follower.leads) throw new Error('expected a leader and a follower');
      const taken = inFlight.take(follower.answer, contextOf('request-2'));
      await vi.advanceTimersByTimeAsync(1_000);
      expect(await taken).toBeNull();
      expect(inFlight.join('key').leads).toBe(true);
      // The stuck leader settling late changes nothing for the new flight.
      stuck.settle({ response: 'late', fetches: [] });
      expect(inFlight.join('key').leads).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('never merges different keys', () => {
    const inFlight = new InFlightRequests<string>();
    expect(inFlight.join('one').leads).toBe(true);
    expect(inFlight.join('other').leads).toBe(true);
  });
});
