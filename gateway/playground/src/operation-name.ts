import { Kind, parse } from 'graphql';

/**
 * The operation name to send with a document. GraphiQL reads the query from the editor at the
 * moment of the run, but the operation name from what it last parsed, a debounce later: a run
 * right after switching tabs sends the new tab's document under the old tab's operation name,
 * and the gateway answers "Unknown operation named …". The document is what the person sees, so
 * the name must come from it: the requested name if the document defines it, else the name of
 * its only operation, else none (the gateway then asks which operation to run).
 */
export function operationNameFor(query: string, requested: string | null | undefined): string | undefined {
  let names: (string | undefined)[];
  try {
    names = parse(query)
      .definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION)
      .map((operation) => operation.name?.value);
  } catch {
    // The gateway reports the syntax error, with its position, better than a guess here could.
    return requested ?? undefined;
  }
  if (requested && names.includes(requested)) return requested;
  return names.length === 1 ? names[0] : undefined;
}
