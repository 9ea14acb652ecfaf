/** Ends a command-line script with a message for the person at the terminal, never a stack trace. */
export function fail(message: string, code: number): never {
  console.error(message);
  process.exit(code);
}
