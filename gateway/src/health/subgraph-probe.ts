/**
 * A subgraph's readiness endpoint beside its GraphQL endpoint, resolved relatively so a path
 * prefix behind a proxy is kept: `http://bpjs:4002/graphql` → `http://bpjs:4002/ready`,
 * `https://api.bpjs.go.id/jembatan/graphql` → `https://api.bpjs.go.id/jembatan/ready`.
 */
export function readinessUrlOf(graphqlUrl: string): URL {
  return new URL('ready', graphqlUrl);
}

/**
 * Asks a subgraph whether it can answer. Its `/ready` rather than `/health`: a subgraph whose
 * database is gone cannot answer either. Subgraphs refuse GraphQL without a gateway token, and
 * their readiness needs none.
 *
 * The reasons are the gateway's own words (an error code, the names of the subgraph's failing
 * checks), never the subgraph's address or its database's messages: the gateway's `/ready` is
 * reachable wherever its GraphQL endpoint is.
 */
export async function probeSubgraphReadiness(graphqlUrl: string, signal: AbortSignal): Promise<void> {
  let response: Response;
  try {
    response = await fetch(readinessUrlOf(graphqlUrl), { signal, headers: { accept: 'application/json' } });
  } catch (error) {
    throw new Error(`unreachable (${errorCodeOf(error)})`, { cause: error });
  }
  if (response.ok) {
    await response.body?.cancel();
    return;
  }
  const failing = await failingChecksOf(response);
  throw new Error(`not ready (${[String(response.status), ...failing].join(': ')})`);
}

/** `draining`, or the names of the checks the subgraph reported failing, as `database, seed`. */
async function failingChecksOf(response: Response): Promise<string[]> {
  try {
    const report = (await response.json()) as { status?: unknown; checks?: Record<string, { status?: unknown }> };
    if (report.status === 'draining') return ['draining'];
    const names = Object.entries(report.checks ?? {})
      .filter(([, outcome]) => outcome.status !== 'ok')
      .map(([name]) => name);
    return names.length > 0 ? [names.join(', ')] : [];
  } catch {
    return [];
  }
}

/** `ECONNREFUSED`, `ENOTFOUND`: what fetch's "fetch failed" hides in its cause. */
function errorCodeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
  if (typeof cause?.code === 'string') return cause.code;
  return error instanceof Error ? error.name : 'error';
}
