import { describe, expect, it } from 'vitest';
import { Program, Segment } from '../types/enums';
import { coverStartRefusal, earliestCollectiveCover, planCollectiveCover, programRefusal } from '../rules/cover-rules';
import type { WorkerCategory } from '../rules/programme-calendar';

describe('which programmes a segment may join', () => {
  it.each([
    [Segment.BPU, Program.JKK, null],
    [Segment.BPU, Program.JKM, null],
    [Segment.BPU, Program.JHT, null],
    [Segment.BPU, Program.JP, 'PROGRAM_NOT_AVAILABLE'],
    [Segment.BPU, Program.JKP, 'PROGRAM_NOT_AVAILABLE'],
    [Segment.PU, Program.JP, null],
    [Segment.PU, Program.JKP, null],
    [Segment.JAKON, Program.JHT, 'PROGRAM_NOT_AVAILABLE'],
  ])('%s in %s: %s', (segment, program, code) => {
    expect(programRefusal(segment, program)?.code ?? null).toBe(code);
  });

  it('names what a BPU may take instead', () => {
    expect(programRefusal(Segment.BPU, Program.JP)).toEqual({
      code: 'PROGRAM_NOT_AVAILABLE',
      reason: 'BPU participants cannot join JP; they take JKK, JKM, JHT',
      details: { program: 'JP', segment: 'BPU', allowed: ['JKK', 'JKM', 'JHT'] },
    });
  });
});

describe('the earliest cover of a DKI collective registration', () => {
  it.each<[WorkerCategory, Program, string]>([
    ['PKP', Program.JKK, '2016-03-01'],
    ['PKP', Program.JKM, '2016-03-01'],
    ['PKP', Program.JHT, '2017-01-01'],
    ['PPSU', Program.JKK, '2015-07-01'],
    ['PPSU', Program.JKM, '2015-07-01'],
    ['PPSU', Program.JHT, '2017-01-01'],
    ['KEBERSIHAN', Program.JKK, '2015-07-01'],
    ['KEBERSIHAN', Program.JHT, '2017-01-01'],
  ])('%s %s from %s', (category, program, earliest) => {
    expect(earliestCollectiveCover(category, program)).toBe(earliest);
    expect(coverStartRefusal(category, program, earliest)).toBeNull();
    const dayBefore = new Date(Date.parse(earliest) - 86_400_000).toISOString().slice(0, 10);
    expect(coverStartRefusal(category, program, dayBefore)).toEqual({
      code: 'PROGRAM_NOT_AVAILABLE',
      reason: `${program} cover for ${category} workers cannot start before ${earliest}`,
      details: { program, category, earliest },
    });
  });
});

describe('the agreement’s cover plan for a registered worker', () => {
  it.each<[WorkerCategory, string, Program[], { program: Program; since: string }[]]>([
    [
      'PKP',
      '2015-01-05',
      [Program.JKK, Program.JKM, Program.JHT],
      [
        { program: Program.JKK, since: '2016-03-01' },
        { program: Program.JKM, since: '2016-03-01' },
        { program: Program.JHT, since: '2017-01-01' },
      ],
    ],
    [
      'PKP',
      '2016-05-02',
      [Program.JKK, Program.JKM, Program.JHT],
      [
        { program: Program.JKK, since: '2016-05-02' },
        { program: Program.JKM, since: '2016-05-02' },
        { program: Program.JHT, since: '2017-01-01' },
      ],
    ],
    ['PKP', '2018-02-01', [Program.JHT], [{ program: Program.JHT, since: '2018-02-01' }]],
    [
      'PPSU',
      '2015-06-01',
      [Program.JKK, Program.JKM, Program.JKK],
      [
        { program: Program.JKK, since: '2015-07-01' },
        { program: Program.JKM, since: '2015-07-01' },
      ],
    ],
    ['KEBERSIHAN', '2016-01-10', [Program.JKM], [{ program: Program.JKM, since: '2016-01-10' }]],
  ])('%s from %s in %j', (category, contractStart, programs, plan) => {
    expect(planCollectiveCover(category, contractStart, programs)).toEqual(plan);
  });

  it.each([Program.JP, Program.JKP])('refuses the whole registration when it asks for %s', (program) => {
    expect(planCollectiveCover('PKP', '2016-03-01', [Program.JKK, program])).toMatchObject({
      code: 'PROGRAM_NOT_AVAILABLE',
      details: { program },
    });
  });
});
