/** Markdown building blocks for the schema reference. */

/** The anchor GitHub (and most renderers) give a heading: lower case, punctuation dropped, spaces to dashes. */
export const anchorOf = (heading: string): string =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');

/** An inline code span that survives backticks in its text. */
export function code(text: string): string {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const padding = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${padding}${text}${padding}${fence}`;
}

const CODE_SPAN = /(`+)[\s\S]*?\1/g;

/**
 * A schema description as one line of Markdown prose: code spans (`after`) kept, everything else
 * escaped so that `<NIK>` or `3174****01` show as written instead of becoming HTML or emphasis.
 */
export function prose(description: string | null | undefined): string {
  const text = (description ?? '').replace(/\s+/g, ' ').trim();
  let result = '';
  let last = 0;
  for (const match of text.matchAll(CODE_SPAN)) {
    result += escape(text.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return result + escape(text.slice(last));
}

/** `_` inside a word (`DATA_SUBJECT_REQUEST`) never starts emphasis, so it stays as written. */
const escape = (text: string) => text.replace(/[\\`*[\]<>|~#&]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\$&');
