import { createRequire } from 'node:module';

/**
 * `@apollo/federation-internals` re-exports its functions through TypeScript's `__createBinding`
 * getters, and `@apollo/gateway`'s result shaping calls them through those getters for every field
 * of every row it shapes. With plain properties instead, the gateway's CPU per heavy page fell
 * from 0.96× to 0.89× stock Apollo's (docs/benchmarks.md, "Federation internals bound once").
 * So, before `@apollo/gateway` first loads, the module's cached exports are replaced with a copy
 * whose properties hold the same values. Nothing in it reassigns an export after loading, so no
 * live binding is lost.
 */
function bindFederationInternals(): void {
  const gatewayEntry = require.resolve('@apollo/gateway');
  // Too late once the gateway has loaded: its modules already hold the getters' object.
  if (require.cache[gatewayEntry]) return;
  const fromGateway = createRequire(gatewayEntry);
  const internals = fromGateway.resolve('@apollo/federation-internals');
  fromGateway(internals);
  const cached = require.cache[internals];
  if (!cached) return;
  const bound: Record<string, unknown> = { ...(cached.exports as Record<string, unknown>) };
  Object.defineProperty(bound, '__esModule', { value: true });
  cached.exports = bound;
}

bindFederationInternals();
