import { join } from 'node:path';
import { readOperationManifest } from '@jembatan/gateway';
import { mintUserToken } from './bench-keys';
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
