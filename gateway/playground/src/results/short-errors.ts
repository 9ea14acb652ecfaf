import type { AnswerError } from './graphql-answer';

/** An error as one line a person reads: its code, where in the answer, and the message's first line. */
export interface ShortError {
  code: string;
  path: string | null;
  message: string;
}

const LONGEST_MESSAGE = 240;

/**
 * The errors of an answer cut to what a person needs: code, path and a one-line message. Never
 * anything else an error carries (a stack trace the operator turned on stays in the JSON view).
 */
export function shortErrors(errors: readonly AnswerError[] | undefined): ShortError[] {
  return (errors ?? []).map((error) => {
    const firstLine = String(error.message ?? '').split('\n')[0] ?? '';
    const code = error.extensions?.code;
    return {
      code: typeof code === 'string' ? code : 'ERROR',
      path: error.path && error.path.length > 0 ? error.path.join('.') : null,
      message: firstLine.length > LONGEST_MESSAGE ? `${firstLine.slice(0, LONGEST_MESSAGE - 1)}…` : firstLine,
    };
  });
}
