import { describe, expect, it } from 'vitest';
import { Program } from '../types/enums';
import { claimAmountRefusal, coverageRefusal, jkmStatutoryAmount, type CoverPeriod } from '../rules/claim-rules';

const periods: CoverPeriod[] = [
  { program: Program.JKK, since: '2016-03-01', until: '2016-12-31' },
  { program: Program.JKM, since: '2016-03-01', until: null },
  { program: Program.JHT, since: '2017-01-01', until: null },
];

describe('a claim only for a programme covering the incident date', () => {
  it.each([
    [Program.JKK, '2016-03-01', null],
    [Program.JKK, '2016-12-31', null],
    [Program.JKK, '2017-01-01', 'NOT_COVERED'],
    [Program.JKK, '2016-02-29', 'NOT_COVERED'],
    [Program.JKM, '2030-06-01', null],
    [Program.JHT, '2016-12-31', 'NOT_COVERED'],
    [Program.JHT, '2017-01-01', null],
    [Program.JP, '2017-01-01', 'NOT_COVERED'],
  ])('%s on %s: %s', (program, incidentDate, code) => {
    expect(coverageRefusal(periods, program, incidentDate)?.code ?? null).toBe(code);
  });

  it('says which programme and date were not covered', () => {
    expect(coverageRefusal([], Program.JKM, '2016-04-01')).toEqual({
      code: 'NOT_COVERED',
      reason: 'The participant was not covered by JKM on 2016-04-01',
      details: { program: 'JKM', incidentDate: '2016-04-01' },
    });
  });
});

describe('the statutory JKM amount of the death’s date', () => {
  it.each([
    ['2015-06-30', 21_000_000n],
    ['2015-07-01', 24_000_000n],
    ['2016-05-01', 24_000_000n],
    ['2019-12-01', 24_000_000n],
    ['2019-12-02', 42_000_000n],
    ['2024-01-01', 42_000_000n],
  ])('%s: Rp%s', (date, amount) => {
    expect(jkmStatutoryAmount(date)).toBe(amount);
  });
});

describe('claim amounts', () => {
  it.each([
    [Program.JKM, '2016-05-01', 24_000_000n, null],
    [Program.JKM, '2016-05-01', 42_000_000n, 'CLAIM_AMOUNT_INVALID'],
    [Program.JKM, '2015-06-30', 21_000_000n, null],
    [Program.JKM, '2020-01-01', 24_000_000n, 'CLAIM_AMOUNT_INVALID'],
    [Program.JKK, '2016-05-01', 12_345_678n, null],
    [Program.JHT, '2016-05-01', 0n, null],
    [Program.JHT, '2016-05-01', -1n, 'CLAIM_AMOUNT_INVALID'],
  ])('%s for %s at Rp%s: %s', (program, date, amount, code) => {
    expect(claimAmountRefusal(program, date, amount)?.code ?? null).toBe(code);
  });

  it('tells the statutory amount', () => {
    expect(claimAmountRefusal(Program.JKM, '2016-05-01', 1n)?.details).toEqual({
      program: 'JKM',
      statutoryAmount: '24000000',
      amount: '1',
    });
  });
});
