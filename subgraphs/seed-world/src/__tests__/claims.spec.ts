import { describe, expect, it } from 'vitest';

import { generateWorld, type WorldClaim } from '..';

const world = generateWorld('demo');
const participantsByKpj = new Map(world.participants.map((p) => [p.kpj, p]));
const claims2016 = world.claims.filter((c) => c.filedOn.startsWith('2016'));
const ofProgram = (claims: WorldClaim[], program: string) => claims.filter((c) => c.program === program);

describe('demo claims', () => {
  it('have unique ids of the form KLM-<filing year>-<7 digits>', () => {
    for (const claim of world.claims) {
      expect(claim.id).toMatch(/^KLM-\d{4}-\d{7}$/);
      expect(claim.id.slice(4, 8)).toBe(claim.filedOn.slice(0, 4));
    }
    expect(new Set(world.claims.map((c) => c.id)).size).toBe(world.claims.length);
  });

  it('are filed only by participants enrolled in that programme on the filing date', () => {
    for (const claim of world.claims) {
      const enrolled = world.enrollments.some(
        (e) =>
          e.kpj === claim.kpj &&
          e.program === claim.program &&
          e.since <= claim.filedOn &&
          (e.until === null || claim.filedOn <= e.until),
      );
      expect(enrolled, `${claim.id} ${claim.program}`).toBe(true);
    }
  });

  it('include no 2016 JHT claim by a Pemprov contract worker', () => {
    for (const claim of ofProgram(claims2016, 'JHT')) {
      expect(participantsByKpj.get(claim.kpj)?.registrarUnitCode).toBeNull();
    }
  });

  it('are mostly 2016 claims, JHT far ahead of JKK, JKM and JP, as in the article', () => {
    const counts = Object.fromEntries(
      ['JHT', 'JKK', 'JKM', 'JP', 'JKP'].map((p) => [p, ofProgram(claims2016, p).length]),
    );
    expect(counts).toEqual({ JHT: 210, JKK: 8, JKM: 4, JP: 2, JKP: 0 });
    expect((counts.JHT ?? 0) / claims2016.length).toBeGreaterThan(0.9);
  });

  it('include JKP claims filed in 2022–2023 by wage earners, so every programme occurs', () => {
    const jkp = ofProgram(world.claims, 'JKP');
    expect(jkp.length).toBeGreaterThan(0);
    for (const claim of jkp) {
      expect(claim.filedOn >= '2022-01-01' && claim.filedOn <= '2023-12-31').toBe(true);
      expect(participantsByKpj.get(claim.kpj)?.segment).toBe('PU');
    }
    expect(new Set(world.claims.map((c) => c.program))).toEqual(new Set(['JHT', 'JKK', 'JKM', 'JP', 'JKP']));
  });

  it('carry whole-Rupiah amounts', () => {
    for (const claim of world.claims) expect(claim.amount).toMatch(/^[1-9]\d*$/);
  });

  it('pay JKM at exactly the 2016 package of Rp24,000,000', () => {
    for (const claim of ofProgram(claims2016, 'JKM')) expect(claim.amount).toBe('24000000');
  });

  it('average JHT payouts near the article’s Rp14.13 juta, with a wide spread', () => {
    const amounts = ofProgram(claims2016, 'JHT').map((c) => Number(c.amount));
    const mean = amounts.reduce((a, b) => a + b, 0) / amounts.length;
    expect(mean).toBeGreaterThan(10_000_000);
    expect(mean).toBeLessThan(18_000_000);
    expect(Math.max(...amounts) / Math.min(...amounts)).toBeGreaterThan(20);
  });

  it('keep JP lump sums small and JKP within 2.1 capped monthly wages', () => {
    for (const claim of ofProgram(world.claims, 'JP')) expect(Number(claim.amount)).toBeLessThan(5_000_000);
    for (const claim of ofProgram(world.claims, 'JKP')) {
      expect(Number(claim.amount)).toBeLessThanOrEqual(10_500_000);
    }
  });

  it('have mixed statuses, mostly PAID', () => {
    const statuses = world.claims.map((c) => c.status);
    expect(statuses.filter((s) => s === 'PAID').length / statuses.length).toBeGreaterThan(0.8);
    expect(new Set(statuses)).toEqual(new Set(['PAID', 'REJECTED', 'VERIFIED', 'SUBMITTED']));
  });

  it('are handled by a branch in one of the five DKI cities', () => {
    const cities = new Set(['31.71', '31.72', '31.73', '31.74', '31.75']);
    for (const claim of world.claims) expect(cities.has(claim.regionCode)).toBe(true);
  });

  it('end every programme of a participant whose death or full JHT payout was paid', () => {
    for (const claim of world.claims) {
      if (claim.status !== 'PAID' || !['JKM', 'JHT', 'JP'].includes(claim.program)) continue;
      for (const e of world.enrollments.filter((x) => x.kpj === claim.kpj)) {
        expect(e.until !== null && e.until <= claim.filedOn).toBe(true);
      }
    }
  });
});
