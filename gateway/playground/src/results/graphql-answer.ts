/** One error of a GraphQL answer, as far as the result pane shows it. */
export interface AnswerError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: unknown };
}

/** A GraphQL answer as the response editor holds it. */
export interface GraphqlAnswer {
  data?: Record<string, unknown> | null;
  errors?: AnswerError[];
}

/** The answer in the response editor's text, or null when there is none (or it is not JSON). */
export function answerOf(response: string | null | undefined): GraphqlAnswer | null {
  if (!response) return null;
  try {
    const value: unknown = JSON.parse(response);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as GraphqlAnswer) : null;
  } catch {
    return null;
  }
}
