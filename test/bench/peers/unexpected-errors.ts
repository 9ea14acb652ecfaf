/**
 * The first GraphQL error code of an answer other than the scenario's expected ones (FORBIDDEN
 * for withheld claims), or null when there is none.
 */
export function unexpectedErrorCode(body: string, expectedCodes: ReadonlySet<string>): string | null {
  // Most answers carry no error at all: skip parsing them.
  if (!body.includes('"errors"')) return null;
  try {
    const { errors } = JSON.parse(body) as { errors?: { extensions?: { code?: unknown } }[] };
    const unexpected = (errors ?? []).find((error) => !expectedCodes.has(String(error.extensions?.code)));
    return unexpected ? String(unexpected.extensions?.code) : null;
  } catch {
    return 'not JSON';
  }
}
