import { describe, expect, it } from 'vitest';
import { csvParametersOf, isLaterPage, takesAfterCursor, withAfterCursor } from '../page-variables';

describe('paging variables', () => {
  it('knows an operation pages when it declares $after', () => {
    expect(
      takesAfterCursor('query A($first: Int, $after: String) { units(first: $first, after: $after) { totalCount } }'),
    ).toBe(true);
    expect(takesAfterCursor('query B($first: Int) { units(first: $first) { totalCount } }')).toBe(false);
    expect(takesAfterCursor('query Broken {')).toBe(false);
  });

  it('sets the cursor for the next page and takes it away for the first', () => {
    const next = withAfterCursor('{ "code": "DINKES", "first": 5 }', 'c1');
    expect(JSON.parse(next)).toEqual({ code: 'DINKES', first: 5, after: 'c1' });
    expect(isLaterPage(next)).toBe(true);
    expect(JSON.parse(withAfterCursor(next, null))).toEqual({ code: 'DINKES', first: 5 });
    expect(JSON.parse(withAfterCursor('not json', 'c2'))).toEqual({ after: 'c2' });
  });

  it('turns the variables into /csv parameters, without the cursor (the export pages itself)', () => {
    const parameters = csvParametersOf(
      '{ "year": 2016, "programs": ["JKK", "JKM"], "after": "c1", "regionCode": null }',
    );
    expect([...parameters]).toEqual([
      ['year', '2016'],
      ['programs', 'JKK,JKM'],
    ]);
  });
});
