/**
 * Apollo's `@cacheControl` directive, defined in every subgraph's schema so its types can carry
 * hints. The enum is `@inaccessible`: it exists for the directive, not for clients, so it stays
 * out of the supergraph's API.
 */
export const CACHE_CONTROL_DEFINITIONS = `
enum CacheControlScope @inaccessible { PUBLIC PRIVATE }
directive @cacheControl(maxAge: Int, scope: CacheControlScope, inheritMaxAge: Boolean) on FIELD_DEFINITION | OBJECT | INTERFACE | UNION
`;

/**
 * The hint for an aggregate: counts and sums about nobody in particular, the same answer for
 * every caller the agency lets read it, so the gateway may keep it for a minute and share one
 * fetch of it between callers with the same roles and purpose. A type or field without a hint
 * is never cached nor shared (maxAge 0): only what an agency marks is.
 *
 * A minute: the figures change when an agency loads data, not from one second to the next, and
 * a dashboard refreshing every few seconds then costs the agency one query a minute.
 */
export const PUBLIC_AGGREGATE = '@cacheControl(maxAge: 60, scope: PUBLIC)';
