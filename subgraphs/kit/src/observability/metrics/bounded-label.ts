/** The label value that stands for every value past a label's limit. */
export const OVERFLOW_LABEL = '(other)';

/**
 * Keeps a label's set of values bounded. Operation names come from clients, and every distinct
 * label value is a time series the process keeps forever, so a client sending random names must
 * not grow memory without end: the first `limit` distinct values are kept, later ones are
 * reported as `(other)`. Values are also cut to GraphQL-name length.
 */
export function boundedLabel(limit: number): (value: string) => string {
  const seen = new Set<string>();
  return (value) => {
    const label = value.slice(0, 100);
    if (seen.has(label)) return label;
    if (seen.size >= limit) return OVERFLOW_LABEL;
    seen.add(label);
    return label;
  };
}
