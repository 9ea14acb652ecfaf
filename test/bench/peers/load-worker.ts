import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { machineBusyMs } from './process-stats';
import { unexpectedErrorCode } from './unexpected-errors';

/**
 * The load generator, in a process of its own so it never shares an event loop with what it
 * measures: autocannon over keep-alive connections, each request the next of the scenario's
 * bodies (distinct units, distinct NIKs, or one body), each answer checked for GraphQL errors
 * beyond the scenario's expected ones. Prints one JSON line: LoadResult.
 */
export interface LoadPlan {
  /** One gateway, or several replicas: autocannon spreads the connections over them in turn. */
  urls: string[];
  headers: Record<string, string>;
  bodies: string[];
  connections: number;
  seconds: number;
  maxRequests: number;
  expectedErrorCodes: string[];
}

export interface LoadResult {
  requests: number;
  seconds: number;
  p50: number;
  p99: number;
  non2xx: number;
  socketErrors: number;
  timeouts: number;
  unexpectedGraphqlErrors: number;
  /** Codes of the unexpected errors (and HTTP statuses other than 200) with their counts, to tell what went wrong. */
  unexpectedCodes: Record<string, number>;
  /** CPU the whole machine spent while the load ran (this process's start and end left out). */
  machineBusyMs: number;
}

async function main() {
  const plan = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as LoadPlan;
  const expected = new Set(plan.expectedErrorCodes);
  let next = 0;
  let unexpectedGraphqlErrors = 0;
  const unexpectedCodes: Record<string, number> = {};
  const note = (code: string) => (unexpectedCodes[code] = (unexpectedCodes[code] ?? 0) + 1);
  const machineBefore = machineBusyMs();
  const result = await autocannon({
    // autocannon takes several URLs (its README: connection i goes to url i mod n); its types say one.
    url: (plan.urls.length === 1 ? plan.urls[0]! : plan.urls) as string,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...plan.headers },
    connections: plan.connections,
    duration: plan.seconds,
    maxOverallRequests: plan.maxRequests,
    timeout: 30,
    requests: [
      {
        setupRequest: (request) => ({ ...request, body: plan.bodies[next++ % plan.bodies.length] }),
        onResponse: (status, body) => {
          const code = status === 200 ? unexpectedErrorCode(body, expected) : `HTTP ${status}`;
          if (code === null) return;
          if (status === 200) unexpectedGraphqlErrors += 1;
          note(code);
        },
      },
    ],
  });
  const machineMs = machineBusyMs() - machineBefore;
  const line: LoadResult = {
    requests: result.requests.total,
    seconds: result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    socketErrors: result.errors,
    timeouts: result.timeouts,
    unexpectedGraphqlErrors,
    unexpectedCodes,
    machineBusyMs: machineMs,
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
