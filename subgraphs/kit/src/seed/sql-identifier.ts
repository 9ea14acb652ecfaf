const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** A table or column name quoted for SQL; seed plans name tables in code, never from input. */
export function quoted(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`Unsafe SQL identifier: ${name}`);
  return `"${name}"`;
}
