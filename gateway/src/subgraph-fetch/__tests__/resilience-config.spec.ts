import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RESILIENCE,
  DEFAULT_SUBGRAPH_RESILIENCE,
  readResilienceConfig,
  resilienceFor,
} from '../resilience-config';

describe('readResilienceConfig', () => {
  it('uses the defaults when nothing is set (empty values count as unset)', () => {
    const config = readResilienceConfig({ SUBGRAPH_TIMEOUT_MS: '', BPJS_TIMEOUT_MS: '' });
    expect(config.defaults).toEqual(DEFAULT_SUBGRAPH_RESILIENCE);
    expect(resilienceFor(config, 'workforce')).toEqual(DEFAULT_SUBGRAPH_RESILIENCE);
    expect(resilienceFor(config, 'bpjs')).toEqual(DEFAULT_SUBGRAPH_RESILIENCE);
    expect(resilienceFor(DEFAULT_RESILIENCE, 'bpjs')).toEqual(DEFAULT_SUBGRAPH_RESILIENCE);
  });

  it('reads every variable, and a per-agency timeout overrides only that agency', () => {
    const config = readResilienceConfig({
      SUBGRAPH_TIMEOUT_MS: '3000',
      BPJS_TIMEOUT_MS: '8000',
      SUBGRAPH_RETRIES: '1',
      SUBGRAPH_RETRY_BASE_DELAY_MS: '50',
      SUBGRAPH_RETRY_MAX_DELAY_MS: '400',
      SUBGRAPH_RETRY_AFTER_CAP_MS: '1500',
      SUBGRAPH_MAX_CONNECTIONS: '8',
      BREAKER_FAILURES: '7',
      BREAKER_HALF_OPEN_AFTER_MS: '20000',
    });
    const common = {
      retries: 1,
      retryBaseDelayMs: 50,
      retryMaxDelayMs: 400,
      retryAfterCapMs: 1500,
      maxConnections: 8,
      breakerFailures: 7,
      breakerHalfOpenAfterMs: 20000,
    };
    expect(resilienceFor(config, 'workforce')).toEqual({ ...common, timeoutMs: 3000 });
    expect(resilienceFor(config, 'bpjs')).toEqual({ ...common, timeoutMs: 8000 });
    expect(resilienceFor(readResilienceConfig({ WORKFORCE_TIMEOUT_MS: '900' }), 'workforce').timeoutMs).toBe(900);
  });

  it('gives an agency added to the registry its own <PREFIX>_TIMEOUT_MS, with no change in the gateway', () => {
    const pajak = { name: 'pajak', agency: 'Bapenda DKI', envPrefix: 'PAJAK', port: 4003 };
    const config = readResilienceConfig({ PAJAK_TIMEOUT_MS: '12000' }, [pajak]);
    expect(resilienceFor(config, 'pajak').timeoutMs).toBe(12000);
    expect(() => readResilienceConfig({ PAJAK_TIMEOUT_MS: 'soon' }, [pajak])).toThrow(/PAJAK_TIMEOUT_MS/);
  });

  it.each([
    ['SUBGRAPH_TIMEOUT_MS', 'five seconds'],
    ['SUBGRAPH_TIMEOUT_MS', '0'],
    ['BPJS_TIMEOUT_MS', '-1'],
    ['SUBGRAPH_RETRIES', '2.5'],
    ['SUBGRAPH_RETRIES', '50'],
    ['SUBGRAPH_MAX_CONNECTIONS', '0'],
    ['BREAKER_FAILURES', '0'],
    ['BREAKER_HALF_OPEN_AFTER_MS', 'soon'],
  ])('refuses %s=%s, naming the variable', (name, value) => {
    expect(() => readResilienceConfig({ [name]: value })).toThrow(
      new RegExp(`^Invalid subgraph resilience configuration: ${name}: `),
    );
  });

  it('refuses a maximum retry pause below the base pause', () => {
    expect(() =>
      readResilienceConfig({ SUBGRAPH_RETRY_BASE_DELAY_MS: '500', SUBGRAPH_RETRY_MAX_DELAY_MS: '100' }),
    ).toThrow(/SUBGRAPH_RETRY_MAX_DELAY_MS: must be at least SUBGRAPH_RETRY_BASE_DELAY_MS/);
  });
});
