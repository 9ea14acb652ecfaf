import { describe, expect, it } from 'vitest';
import { readFetchDeduplicationConfig } from '../deduplication-config';

describe('SUBGRAPH_FETCH_DEDUP', () => {
  it('is on unless turned off', () => {
    expect(readFetchDeduplicationConfig({})).toBe(true);
    expect(readFetchDeduplicationConfig({ SUBGRAPH_FETCH_DEDUP: '' })).toBe(true);
    expect(readFetchDeduplicationConfig({ SUBGRAPH_FETCH_DEDUP: 'on' })).toBe(true);
    expect(readFetchDeduplicationConfig({ SUBGRAPH_FETCH_DEDUP: 'off' })).toBe(false);
  });

  it('refuses anything else, naming the variable', () => {
    expect(() => readFetchDeduplicationConfig({ SUBGRAPH_FETCH_DEDUP: 'yes' })).toThrow(/SUBGRAPH_FETCH_DEDUP/);
  });
});
