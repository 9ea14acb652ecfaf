/**
 * How development runs a TypeScript entry point: workspace packages resolve to their sources
 * (the `jembatan-source` export condition) and @swc-node/register compiles them as they load.
 * Production runs `node <package>/dist/main.js` with neither.
 */
export const SOURCE_CONDITION = 'jembatan-source';
export const RUN_FROM_SOURCE: readonly string[] = [`--conditions=${SOURCE_CONDITION}`, '-r', '@swc-node/register'];
