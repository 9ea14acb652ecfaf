import type { ApolloServerPlugin } from '@apollo/server';
import type { ParseOptions, ValidationRule } from 'graphql';
import type { GatewayContext } from '../context';
import { costLimitPlugin } from './cost-limit';
import { firstLimitErrorOnlyPlugin } from './first-limit-error-only';
import { hideSuggestionsPlugin } from './hide-suggestions';
import { limitErrorCodesPlugin } from './limit-error-codes';
import { structureLimitRules } from './structure-limits';

export interface QueryLimits {
  /** Levels of fields in the answer, fragments followed (`__schema` is not counted). */
  maxDepth: number;
  /** Aliases in an operation, fragments included. */
  maxAliases: number;
  /** Distinct root fields of an operation: each is a separate fetch from a subgraph. */
  maxRootFields: number;
  /** Lexical tokens of the query text, refused while parsing, before validation can be made slow. */
  maxTokens: number;
  /** Directives in an operation, fragments included. */
  maxDirectives: number;
  /** Estimated cost: see estimateOperationCost. */
  maxCost: number;
}

/**
 * Chosen against the saved operations in schema/operations (the screens' real queries), which
 * must all pass with room to grow; a spec checks that they do. Their largest measures today:
 * depth 7 (UnitStaffWithBpjs: unit → workers → edges → node → bpjs → claims → id), no alias,
 * one root field, 85 tokens, no directive, and cost 1,947 with its default `first: 20`, 9,707
 * at the subgraphs' maximum page size of 100.
 */
export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  // 7 plus room for a cross-agency hop or two more (participant → employer, unit → parent).
  maxDepth: 12,
  // None are needed today; 30 lets a screen compare a few units side by side, not scrape.
  maxAliases: 30,
  // One is used today; a dashboard asking for every statistic at once needs about ten.
  maxRootFields: 15,
  // 23 times the largest saved operation and 12 times the playground's introspection query
  // (163). Measured here, the slowest document of 2,000 tokens to validate takes about 80 ms
  // (graphql's own budget for overlapping fields stops it there); at 5,000, about 120 ms.
  maxTokens: 2_000,
  // None are used today; @include/@skip toggles on a dozen fields fit.
  maxDirectives: 20,
  // Five times the staff list at the maximum page size (9,707). 100 units with 100 workers'
  // NIKs each (30,301) still passes; `first: 500` inside `first: 500` (about 750,000) does not.
  maxCost: 50_000,
};

export interface QueryLimitOptions {
  plugins: ApolloServerPlugin<GatewayContext>[];
  validationRules: ValidationRule[];
  parseOptions: ParseOptions;
}

/**
 * Everything Apollo Server needs to enforce the query limits, each refused with HTTP 400 and its
 * own code (see QUERY_LIMIT_CODES): pass all three to `new ApolloServer`. In production, error
 * messages also lose graphql's "Did you mean" suggestions, which would map the schema while
 * introspection is off.
 */
export function createQueryLimits(limits: QueryLimits, production: boolean): QueryLimitOptions {
  return {
    plugins: [
      firstLimitErrorOnlyPlugin(),
      limitErrorCodesPlugin(limits.maxTokens),
      costLimitPlugin(limits.maxCost),
      ...(production ? [hideSuggestionsPlugin()] : []),
    ],
    validationRules: structureLimitRules(limits),
    // graphql's parser stops at the first token past the limit, so a huge document costs no
    // more to refuse than a small one.
    parseOptions: { maxLexicalTokens: limits.maxTokens },
  };
}
