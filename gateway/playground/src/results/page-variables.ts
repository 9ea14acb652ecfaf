import { Kind, parse } from 'graphql';

/** Whether the operation pages with an `$after` cursor variable (a Relay connection's next page). */
export function takesAfterCursor(query: string): boolean {
  try {
    return parse(query).definitions.some(
      (definition) =>
        definition.kind === Kind.OPERATION_DEFINITION &&
        (definition.variableDefinitions ?? []).some((variable) => variable.variable.name.value === 'after'),
    );
  } catch {
    return false;
  }
}

function variablesOf(text: string | null | undefined): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text?.trim() ? text : '{}');
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

/**
 * The variables editor's text for another page: the same variables with `after` set to the
 * cursor (the page after it), or without `after` (the first page).
 */
export function withAfterCursor(variablesText: string | null | undefined, after: string | null): string {
  const rest = variablesOf(variablesText);
  delete rest.after;
  return JSON.stringify(after === null ? rest : { ...rest, after }, null, 2);
}

/** Whether the variables ask for a page after the first. */
export const isLaterPage = (variablesText: string | null | undefined): boolean =>
  typeof variablesOf(variablesText).after === 'string';

/** The variables as CSV query parameters: `after` left out (the export follows every page itself). */
export function csvParametersOf(variablesText: string | null | undefined): URLSearchParams {
  const parameters = new URLSearchParams();
  for (const [name, value] of Object.entries(variablesOf(variablesText))) {
    if (name === 'after' || value === null || value === undefined) continue;
    parameters.set(name, Array.isArray(value) ? value.map(String).join(',') : String(value));
  }
  return parameters;
}
