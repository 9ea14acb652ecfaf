import { describe, expect, it } from 'vitest';

import { addDays, addMonths, addYears, ageOn, monthsBetween, randomDate, randomMonthStart } from '../dates';
import { Random } from '../random';

describe('dates', () => {
  it('add days across month and year ends', () => {
    expect(addDays('2016-02-28', 1)).toBe('2016-02-29');
    expect(addDays('2016-12-31', 1)).toBe('2017-01-01');
    expect(addDays('2016-03-01', -1)).toBe('2016-02-29');
  });

  it('add months and years, clamping to the last day of a shorter month', () => {
    expect(addMonths('2016-01-31', 1)).toBe('2016-02-29');
    expect(addMonths('2016-03-01', 12)).toBe('2017-03-01');
    expect(addYears('2016-02-29', -18)).toBe('1998-02-28');
  });

  it('count whole months and whole years of age', () => {
    expect(monthsBetween('2016-03-01', '2017-01-01')).toBe(10);
    expect(monthsBetween('2016-03-15', '2016-04-14')).toBe(0);
    expect(ageOn('1960-06-15', '2016-06-14')).toBe(55);
    expect(ageOn('1960-06-15', '2016-06-15')).toBe(56);
  });

  it('draw dates and month starts within the bounds', () => {
    const random = Random.fromSeed('dates');
    for (let i = 0; i < 500; i += 1) {
      const date = randomDate(random, '2016-01-30', '2016-02-02');
      expect(date >= '2016-01-30' && date <= '2016-02-02').toBe(true);
      expect(randomMonthStart(random, '2015-11-01', '2016-02-01')).toMatch(/^(2015-11|2015-12|2016-01|2016-02)-01$/);
    }
  });
});
