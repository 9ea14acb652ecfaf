import { describe, expect, it } from 'vitest';
import { nationalLayout } from '../layout';
import { NATIONAL_2016 } from '../national-size';

/** DKI's figures in the dki2016 world: active participants, and the article's employers. */
const DKI = { activeParticipants: 398_257, employers: 60_423 };

describe('the national layout', () => {
  const layout = nationalLayout(NATIONAL_2016, DKI);

  it('makes the active participants and employers add up to the national figures exactly', () => {
    const active = layout.blocks.filter((b) => b.active).reduce((sum, b) => sum + b.count, 0);
    expect(active + DKI.activeParticipants).toBe(19_200_000);
    expect(layout.activeParticipants).toBe(active);
    expect(layout.employers + DKI.employers).toBe(311_552);
  });

  it('numbers the blocks back to back, active ones first', () => {
    let next = 0;
    for (const block of layout.blocks) {
      expect(block.first).toBe(next);
      next += block.count;
    }
    expect(next).toBe(layout.participants);
    const activity = layout.blocks.map((b) => b.active);
    expect(activity).toEqual([...activity].sort((a, b) => Number(b) - Number(a)));
  });

  it('gives each block its own NIK serials, enough for one NIK per member and birth date', () => {
    let next = 1;
    for (const block of layout.blocks) {
      expect(block.firstSerial).toBe(next);
      expect(block.birthDays * block.serials).toBeGreaterThanOrEqual(block.count);
      next += block.serials;
    }
    expect(next - 1).toBeLessThanOrEqual(9999);
  });

  it('files one claim per claimant: a few hundred thousand in 2016, mostly JHT as in DKI', () => {
    const claimants = layout.blocks.filter((b) => b.claim !== null);
    expect(claimants.reduce((sum, b) => sum + b.count, 0)).toBe(layout.claims);
    expect(layout.claims).toBeGreaterThan(200_000);
    expect(layout.claims).toBeLessThan(400_000);
    const jht = claimants.find((b) => b.claim === 'JHT');
    expect(jht!.count / layout.claims).toBeGreaterThan(0.95);
  });

  it('refuses a size DKI alone already exceeds', () => {
    expect(() => nationalLayout({ activeParticipants: 1_000, employers: 311_552 }, DKI)).toThrow(/must exceed/);
  });
});
