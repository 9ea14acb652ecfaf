import { Lexer, Source, TokenKind, type GraphQLError } from 'graphql';

/**
 * Where the first token past `limit` starts, or undefined when the source has no more tokens
 * than that (or cannot be lexed that far). Counts tokens as graphql's parser does: comments and
 * the end of the source are not tokens.
 */
function offsetOfTokenPast(source: string, limit: number): number | undefined {
  const lexer = new Lexer(new Source(source));
  try {
    for (let count = 0; ; count += 1) {
      const token = lexer.advance();
      if (token.kind === TokenKind.EOF) return undefined;
      if (count === limit) return token.start;
    }
  } catch {
    return undefined;
  }
}

/**
 * Whether a parse failure is graphql's token limit (`parseOptions.maxLexicalTokens`). The parser
 * stops at the first token past the limit, so the failure is at exactly that token's offset; a
 * genuine syntax error anywhere else is left alone. (The parser's own message, "Document contains
 * more that N tokens", is not something to match on.)
 */
export function isTokenLimitFailure(error: GraphQLError, source: string | undefined, maxTokens: number): boolean {
  const position = error.positions?.[0];
  if (source === undefined || position === undefined) return false;
  return offsetOfTokenPast(source, maxTokens) === position;
}
