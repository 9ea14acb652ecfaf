import { GraphQLError } from 'graphql';

/**
 * The `extensions.code` of each query limit. Clients branch on them (a screen that is refused for
 * depth needs a different fix than one refused for cost), so each limit has its own and none is
 * ever renamed.
 */
export const QUERY_LIMIT_CODES = {
  depth: 'DEPTH_LIMIT_EXCEEDED',
  aliases: 'ALIAS_LIMIT_EXCEEDED',
  rootFields: 'ROOT_FIELD_LIMIT_EXCEEDED',
  tokens: 'TOKEN_LIMIT_EXCEEDED',
  directives: 'DIRECTIVE_LIMIT_EXCEEDED',
  cost: 'COST_LIMIT_EXCEEDED',
} as const;

export type QueryLimitCode = (typeof QUERY_LIMIT_CODES)[keyof typeof QUERY_LIMIT_CODES];

/** An operation refused by one of the gateway's query limits: HTTP 400, nothing executed. */
export class QueryLimitError extends GraphQLError {
  constructor(
    readonly code: QueryLimitCode,
    message: string,
  ) {
    super(message, { extensions: { code, http: { status: 400 } } });
    this.name = 'QueryLimitError';
  }
}
