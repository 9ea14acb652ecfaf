/**
 * What the playground's page may load: only what the gateway itself serves. Monaco starts its
 * language workers from our own scripts (and may wrap them in blob: URLs), injects <style>
 * elements, and GraphiQL's stylesheet carries its fonts as data: URLs; nothing else is allowed,
 * so a closed network sees no request leave for a CDN, a font host or an analytics endpoint.
 */
export const PLAYGROUND_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Sent with every playground response: the page, its assets (workers take their policy from them) and its JSON. */
export const PLAYGROUND_SECURITY_HEADERS = {
  'content-security-policy': PLAYGROUND_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
} as const;
