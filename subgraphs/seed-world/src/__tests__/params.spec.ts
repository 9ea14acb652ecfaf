import { describe, expect, it } from 'vitest';

import { buildWorld, PRESET_PARAMS, type WorldParams } from '..';

const demo = PRESET_PARAMS.demo;
const small: WorldParams = {
  ...demo,
  workers: { counts: { PKP: 200, PPSU: 450, KEBERSIHAN: 30 }, pendingPkpShare: 0.05 },
  otherParticipants: { ...demo.otherParticipants, count: 120 },
  claims: [{ program: 'JHT', count: 40, filedFrom: '2016-01-01', filedTo: '2016-12-31' }],
};

describe('buildWorld with preset parameters', () => {
  it('scales to other headcounts without code changes', () => {
    const world = buildWorld('small', small);
    expect(world.preset).toBe('small');
    expect(world.workers).toHaveLength(680);
    expect(world.participants).toHaveLength(680 - 10 + 120);
  });

  it('fits claim amounts to a published total exactly', () => {
    const world = buildWorld('small', {
      ...small,
      claims: [{ ...(small.claims[0] as WorldParams['claims'][number]), totalAmount: 565_000_000 }],
    });
    const total = world.claims.reduce((sum, c) => sum + Number(c.amount), 0);
    expect(total).toBe(565_000_000);
  });

  it('refuses to rescale JKM, whose amount is set by regulation', () => {
    expect(() =>
      buildWorld('small', {
        ...small,
        claims: [
          {
            program: 'JKM',
            count: 2,
            filedFrom: '2016-01-01',
            filedTo: '2016-12-31',
            totalAmount: 1,
          },
        ],
      }),
    ).toThrow('fixed by regulation');
  });

  it('says so when a plan asks for more claimants than qualify', () => {
    expect(() =>
      buildWorld('small', {
        ...small,
        claims: [{ program: 'JHT', count: 10_000, filedFrom: '2016-01-01', filedTo: '2016-12-31' }],
      }),
    ).toThrow('JHT plan needs 10000 claimants');
  });

  it('refuses a PPSU headcount the kelurahan cannot hold at 40 to 70 each', () => {
    expect(() =>
      buildWorld('small', {
        ...small,
        workers: { ...small.workers, counts: { ...small.workers.counts, PPSU: 60 } },
      }),
    ).toThrow('60 PPSU cannot be spread over 10 kelurahan at 40–70 each');
  });

  it('changes every row when the seed changes', () => {
    const a = buildWorld('small', small);
    const b = buildWorld('small', { ...small, seed: 'another seed' });
    expect(a.workers[0]?.nik).not.toBe(b.workers[0]?.nik);
    expect(a.units).toEqual(b.units);
  });
});
