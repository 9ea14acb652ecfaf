import type { FormattedExecutionResult } from 'graphql';

/**
 * Answers as compact JSON. Apollo Server pretty-prints by default (two-space indents): on a page
 * of a hundred rows that is a third more bytes to write, send and parse at every hop, for
 * readers that are programs. Clients that show JSON to people (the playground, `jq`) indent it
 * themselves.
 */
export const stringifyCompactly = (result: FormattedExecutionResult): string => JSON.stringify(result);
