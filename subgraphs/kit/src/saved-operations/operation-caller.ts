/** Who a saved operation is written for: the role to send it as and the purpose to declare. */
export interface OperationCaller {
  role: string;
  purpose: string;
}

/**
 * The line in a saved operation's header comment that names its caller, e.g.
 * `# Run as: dki_hr, purpose HR_ADMINISTRATION`. It sits with the operation it describes, so the
 * playground's tab and the test proving the agencies' policies allow it read the same words.
 */
const RUN_AS = /^#\s*Run as:\s*([a-z_]+),\s*purpose\s+([A-Z_]+)\s*$/m;

/** The caller a saved operation's header declares, or null when it declares none. */
export function operationCallerOf(source: string): OperationCaller | null {
  const match = RUN_AS.exec(source);
  return match ? { role: match[1]!, purpose: match[2]! } : null;
}
