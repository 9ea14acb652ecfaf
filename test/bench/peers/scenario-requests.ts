import { join } from 'node:path';
import { readOperationManifest } from '@jembatan/gateway';
import { mintUserToken } from './bench-keys';
import type { LoadPlan } from './load-worker';
import type { BenchData, Scenario } from './scenarios';
import type { BenchContext } from './systems';

/** What a scenario sends: each request's JSON body in turn, with the caller's headers. */
export interface ScenarioRequests {
  bodies: string[];
  headers: Record<string, string>;
}

/** The scenario's requests, from the published operation of the measured checkout. */
export async function requestsOf(
  scenario: Scenario,
  data: BenchData,
  context: BenchContext,
): Promise<ScenarioRequests> {
  const operation = readOperationManifest(join(context.root, 'schema/operations/manifest.json')).operations.find(
    (each) => each.name === scenario.operation,
  );
  if (!operation) throw new Error(`${scenario.operation} is not a published operation of ${context.root}`);
  const bodies = scenario
    .variables(data)
    .map((variables) => JSON.stringify({ query: operation.body, operationName: operation.name, variables }));
  const headers: Record<string, string> = {
    authorization: `Bearer ${await mintUserToken(context.keys, scenario.caller)}`,
  };
  if (scenario.caller.purpose) headers['x-purpose'] = scenario.caller.purpose;
  return { bodies, headers };
}

/** A window's load: the scenario's requests against one gateway, or spread over several replicas. */
export function loadPlanOf(
  scenario: Scenario,
  requests: ScenarioRequests,
  gatewayOrigins: readonly string[],
  load: { connections: number; seconds: number },
): LoadPlan {
  return {
    urls: gatewayOrigins.map((origin) => `${origin}/graphql`),
    headers: requests.headers,
    bodies: requests.bodies,
    connections: load.connections,
    seconds: load.seconds,
    // Far above what 2 cores answer; a bound, not a target.
    maxRequests: Math.ceil(load.seconds * 50_000),
    expectedErrorCodes: scenario.expectedErrorCodes,
  };
}
