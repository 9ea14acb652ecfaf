/** Answers with GraphQL errors other than the scenario's expected ones (FORBIDDEN for withheld claims). */
export function unexpectedErrorCount(body: string, expectedCodes: ReadonlySet<string>): number {
  // Most answers carry no error at all: skip parsing them.
  if (!body.includes('"errors"')) return 0;
  try {
    const { errors } = JSON.parse(body) as { errors?: { extensions?: { code?: unknown } }[] };
    return (errors ?? []).some((error) => !expectedCodes.has(String(error.extensions?.code))) ? 1 : 0;
  } catch {
    return 1;
  }
}
