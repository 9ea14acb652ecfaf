import { PURPOSES as KIT_PURPOSES } from '@jembatan/kit';
import { describe, expect, it } from 'vitest';
import { isPurpose, PURPOSES } from '../purposes';

describe('the purposes of access the client may declare', () => {
  it('are exactly the ones the gateway and the agencies know', () => {
    expect(PURPOSES).toEqual(KIT_PURPOSES);
  });

  it('are told apart from other strings', () => {
    expect(isPurpose('HR_ADMINISTRATION')).toBe(true);
    expect(isPurpose('hr_administration')).toBe(false);
    expect(isPurpose(undefined)).toBe(false);
  });
});
