import type { SubgraphResilience } from './resilience-config';

type DelaySettings = Pick<SubgraphResilience, 'retryBaseDelayMs' | 'retryMaxDelayMs'>;

/**
 * The longest pause before retry number `retry` (1 for the first): the base delay doubled per
 * retry, capped.
 */
export function backoffCeilingMs(retry: number, settings: DelaySettings): number {
  return Math.min(settings.retryMaxDelayMs, settings.retryBaseDelayMs * 2 ** (retry - 1));
}

/**
 * The pause before retry number `retry`: anywhere from zero up to the exponential ceiling ("full
 * jitter"), so gateways that saw the same failure do not all come back at the same instant.
 */
export function jitteredBackoffMs(retry: number, settings: DelaySettings, random: () => number = Math.random): number {
  return Math.floor(random() * backoffCeilingMs(retry, settings));
}

/** The HTTP date format senders must use (RFC 9110 §5.6.7), e.g. `Tue, 01 Mar 2016 08:00:05 GMT`. */
const IMF_FIXDATE = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/**
 * A `Retry-After` header in milliseconds from `now`: delta-seconds or an HTTP date (RFC 9110
 * §10.2.3); undefined when absent or unreadable. A date in the past means "now". Checked against
 * the grammar first, because Date.parse reads almost anything (`"-5"` as a day in 2001).
 */
export function parseRetryAfterMs(header: string | null | undefined, now: number = Date.now()): number | undefined {
  if (header === null || header === undefined) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  if (!IMF_FIXDATE.test(value)) return undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
