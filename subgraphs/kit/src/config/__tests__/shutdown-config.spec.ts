import { describe, expect, it } from 'vitest';
import { DEFAULT_SHUTDOWN_GRACE_MS, readShutdownConfig } from '../shutdown-config';

describe('shutdown configuration', () => {
  it('gives requests in flight ten seconds by default, an empty variable meaning unset', () => {
    expect(DEFAULT_SHUTDOWN_GRACE_MS).toBe(10_000);
    expect(readShutdownConfig({})).toEqual({ shutdownGraceMs: 10_000 });
    expect(readShutdownConfig({ SHUTDOWN_GRACE_MS: '' })).toEqual({ shutdownGraceMs: 10_000 });
  });

  it('accepts milliseconds from 0 (cut at once) to ten minutes', () => {
    expect(readShutdownConfig({ SHUTDOWN_GRACE_MS: '0' }).shutdownGraceMs).toBe(0);
    expect(readShutdownConfig({ SHUTDOWN_GRACE_MS: '25000' }).shutdownGraceMs).toBe(25_000);
  });

  it.each(['10s', '-1', '1.5', '600001'])('fails fast on SHUTDOWN_GRACE_MS=%s, naming the variable', (value) => {
    expect(() => readShutdownConfig({ SHUTDOWN_GRACE_MS: value })).toThrow(
      /Invalid shutdown configuration: SHUTDOWN_GRACE_MS:/,
    );
  });
});
