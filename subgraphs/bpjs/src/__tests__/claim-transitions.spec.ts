import { describe, expect, it } from 'vitest';
import { ClaimStatus } from '../types/enums';
import { transitionRefusal } from '../rules/claim-transitions';

const { SUBMITTED, VERIFIED, PAID, REJECTED } = ClaimStatus;

describe('the claim state machine', () => {
  // Every pair of states, so a transition added by mistake fails here.
  it.each([
    [SUBMITTED, SUBMITTED, [VERIFIED, REJECTED]],
    [SUBMITTED, VERIFIED, null],
    [SUBMITTED, PAID, [VERIFIED, REJECTED]],
    [SUBMITTED, REJECTED, null],
    [VERIFIED, SUBMITTED, [PAID, REJECTED]],
    [VERIFIED, VERIFIED, [PAID, REJECTED]],
    [VERIFIED, PAID, null],
    [VERIFIED, REJECTED, null],
    [PAID, SUBMITTED, []],
    [PAID, VERIFIED, []],
    [PAID, PAID, []],
    [PAID, REJECTED, []],
    [REJECTED, SUBMITTED, []],
    [REJECTED, VERIFIED, []],
    [REJECTED, PAID, []],
    [REJECTED, REJECTED, []],
  ])('%s → %s', (from, to, allowed) => {
    const refused = transitionRefusal(from, to);
    if (allowed === null) expect(refused).toBeNull();
    else expect(refused).toMatchObject({ code: 'INVALID_TRANSITION', details: { from, to, allowed } });
  });

  it('explains a move out of a final state', () => {
    expect(transitionRefusal(PAID, VERIFIED)?.reason).toBe('A PAID claim cannot become VERIFIED: PAID is final');
  });
});
