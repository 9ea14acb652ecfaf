import { createHash } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { generateWorld, PRESETS, type PresetName } from '..';

/**
 * Fingerprint of the demo world. If a change to the generator alters it on purpose, update it
 * here and say so in the commit: both subgraphs' seeds, snapshots and examples move with it.
 */
const DEMO_SHA256 = '3c063f2e079a52254133f16f47aa9f1fc991ff0dba5d54ba870e5e3f0beb71c7';

function fingerprint(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

describe('generateWorld', () => {
  it('offers the demo and dki2016 presets', () => {
    expect(PRESETS).toEqual(['demo', 'dki2016']);
  });

  it('gives deeply equal worlds on every call', () => {
    expect(generateWorld('demo')).toEqual(generateWorld('demo'));
  });

  it('gives the same demo world byte for byte as when the fingerprint was recorded', () => {
    expect(fingerprint(generateWorld('demo'))).toBe(DEMO_SHA256);
  });

  it('generates the demo world in well under a second', () => {
    generateWorld('demo');
    const started = performance.now();
    generateWorld('demo');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('has the demo sizes the design promises', () => {
    const world = generateWorld('demo');
    expect(world.preset).toBe('demo');
    expect(world.units.length).toBeGreaterThanOrEqual(35);
    expect(world.units.length).toBeLessThanOrEqual(50);
    expect(world.workers).toHaveLength(3_000);
    expect(world.participants.length).toBeGreaterThan(3_200);
    expect(world.claims.length).toBeGreaterThanOrEqual(200);
    expect(world.claims.length).toBeLessThan(400);
  });

  it('returns every table in its documented order', () => {
    const world = generateWorld('demo');
    const isSorted = (keys: string[]) => keys.every((k, i) => i === 0 || (keys[i - 1] as string) < k);
    expect(isSorted(world.units.map((u) => u.code))).toBe(true);
    expect(isSorted(world.workers.map((w) => w.nik))).toBe(true);
    expect(isSorted(world.participants.map((p) => p.kpj))).toBe(true);
    expect(isSorted(world.enrollments.map((e) => `${e.kpj}/${e.program}`))).toBe(true);
    expect(isSorted(world.claims.map((c) => c.id))).toBe(true);
  });

  it('refuses an unknown preset by name', () => {
    expect(() => generateWorld('everything' as PresetName)).toThrow('Unknown seed preset "everything"');
  });

  it('does not let one caller’s changes leak into the next world', () => {
    const first = generateWorld('demo');
    first.units.length = 0;
    (first.workers[0] as { name: string }).name = 'changed';
    const second = generateWorld('demo');
    expect(second.units.length).toBeGreaterThan(0);
    expect(second.workers[0]?.name).not.toBe('changed');
  });
});
