import { describe, expect, it } from 'vitest';

import { validateRegionCode } from '@jembatan/kit/identifiers';
import { generateWorld, NATIONAL_KPJ_SERIAL_BASE, NATIONAL_NPP_SERIAL_BASE, NPP_PATTERN } from '..';
import { CITIES } from '../regions';

const world = generateWorld('demo');
const nppsInUse = new Set(world.employers.map((e) => e.npp));
const dkiRegencies = new Set(CITIES.map((c) => c.code));
const activeKpjs = new Set(world.enrollments.filter((e) => e.until === null).map((e) => e.kpj));

describe('demo employers', () => {
  it('number 40, with unique 8-digit NPPs from the world’s half of the serial space', () => {
    expect(world.employers).toHaveLength(40);
    expect(nppsInUse.size).toBe(40);
    expect(world.employers.filter((e) => !NPP_PATTERN.test(e.npp))).toEqual([]);
    expect(world.employers.filter((e) => Number(e.npp.slice(2)) >= NATIONAL_NPP_SERIAL_BASE)).toEqual([]);
  });

  it('are registered in a DKI city or regency, with a year that matches their NPP', () => {
    const offenders = world.employers.filter(
      (e) =>
        !validateRegionCode(e.regionCode).ok ||
        !dkiRegencies.has(e.regionCode) ||
        e.npp.slice(0, 2) !== e.registeredOn.slice(2, 4) ||
        e.registeredOn > '2016-02-29',
    );
    expect(offenders).toEqual([]);
  });

  it('have names of Indonesian companies', () => {
    expect(world.employers.filter((e) => !/^(PT|CV|UD) [A-Z][a-z]+ [A-Z][a-z]+( [A-Z][a-z]+)?$/.test(e.name))).toEqual(
      [],
    );
  });

  it('employ every wage earner (PU), and nobody else', () => {
    const offenders = world.participants.filter((p) =>
      p.segment === 'PU' ? p.employerNpp === null || !nppsInUse.has(p.employerNpp) : p.employerNpp !== null,
    );
    expect(offenders).toEqual([]);
  });

  it('each have an active wage earner, none registered before the employer was', () => {
    const registeredOn = new Map(world.employers.map((e) => [e.npp, e.registeredOn]));
    const withActive = new Set(
      world.participants.filter((p) => p.employerNpp && activeKpjs.has(p.kpj)).map((p) => p.employerNpp),
    );
    expect(withActive.size).toBe(world.employers.length);
    const early = world.participants.filter((p) => p.employerNpp && p.registeredOn < registeredOn.get(p.employerNpp)!);
    expect(early).toEqual([]);
  });
});

describe('world KPJs', () => {
  it('stay in the world’s half of the serial space, so national KPJs can never collide with them', () => {
    expect(world.participants.filter((p) => Number(p.kpj.slice(2)) >= NATIONAL_KPJ_SERIAL_BASE)).toEqual([]);
  });
});
