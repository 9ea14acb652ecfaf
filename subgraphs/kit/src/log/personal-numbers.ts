/**
 * A NIK (16 digits) or KPJ (11 digits) standing on its own in free text. Ids and numbers that
 * merely contain such a run (a hex trace id, an identifier, a decimal) are left alone: the run
 * must not touch a word character, a dash or a decimal point.
 */
const PERSONAL_NUMBER = /(?<![\w.-])(?:\d{16}|\d{11})(?![\w-]|\.\d)/g;

/**
 * Defence in depth for free text that reaches a log line (error messages, stacks, reasons): our
 * own code logs ids and counts only, but a driver or library error may quote a value it was given.
 * Names and wages cannot be recognised in text, so they are kept out structurally instead: no
 * log line ever carries variables, query text or results.
 */
export function maskPersonalNumbers(text: string): string {
  return text.replace(PERSONAL_NUMBER, '[redacted]');
}
