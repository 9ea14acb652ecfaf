import type { AnswerError } from './graphql-answer';
import { shortErrors } from './short-errors';

/** The answer's errors, one short line each: code, path, message. */
export function ErrorSummary({ errors }: { errors: readonly AnswerError[] | undefined }) {
  const lines = shortErrors(errors);
  if (lines.length === 0) return null;
  return (
    <ul className="jembatan-error-summary" aria-label="Errors">
      {lines.map((line, index) => (
        <li key={index}>
          <code className="jembatan-error-code">{line.code}</code>{' '}
          {line.path && (
            <>
              <code className="jembatan-error-path">{line.path}</code>{' '}
            </>
          )}
          <span className="jembatan-error-message">{line.message}</span>
        </li>
      ))}
    </ul>
  );
}
