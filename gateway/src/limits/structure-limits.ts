import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { GraphQLArmorRejectCallback } from '@escape.tech/graphql-armor-types';
import type { ValidationRule } from 'graphql';
import { QUERY_LIMIT_CODES, QueryLimitError, type QueryLimitCode } from './query-limit-error';
import { maxRootFieldsRule } from './root-field-limit';

export interface StructureLimits {
  maxDepth: number;
  maxAliases: number;
  maxRootFields: number;
  maxDirectives: number;
}

/**
 * graphql-armor reports a limit as a plain error whose message starts with "Syntax Error: "
 * (it is not one); we report it as ours, with our code, through the validation context.
 */
const reportAs =
  (code: QueryLimitCode): GraphQLArmorRejectCallback =>
  (context, error) =>
    context?.reportError(new QueryLimitError(code, error.message.replace(/^Syntax Error: /, '')));

/**
 * Validation rules for the shape of an operation. They run once per distinct query text: Apollo
 * caches the validated document, so a screen that repeats its query pays for them once.
 */
export function structureLimitRules(limits: StructureLimits): ValidationRule[] {
  return [
    maxDepthRule({
      n: limits.maxDepth,
      // Depth is the depth of the answer: a fragment is the fields it holds, not a level of its own.
      flattenFragments: true,
      // `__schema` is governed by the introspection switch (off in production), and the
      // playground's introspection query is deeper than any data query needs to be.
      ignoreIntrospection: true,
      propagateOnRejection: false,
      onReject: [reportAs(QUERY_LIMIT_CODES.depth)],
    }),
    maxAliasesRule({
      n: limits.maxAliases,
      // armor lets `__typename` aliases through by default; every alias costs a resolver call.
      allowList: [],
      propagateOnRejection: false,
      onReject: [reportAs(QUERY_LIMIT_CODES.aliases)],
    }),
    maxDirectivesRule({
      n: limits.maxDirectives,
      propagateOnRejection: false,
      onReject: [reportAs(QUERY_LIMIT_CODES.directives)],
    }),
    maxRootFieldsRule(limits.maxRootFields),
  ];
}
