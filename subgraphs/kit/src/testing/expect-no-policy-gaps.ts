import type { GraphQLSchema } from 'graphql';
import type { AccessPolicy } from '../access/access-policy';
import { accessPolicyFileOf, describePolicyGaps } from '../access/policy-gap-report';
import { findPolicyGaps } from '../access/policy-gaps';

/** Fails an agency's policy spec with what to edit, where: one paragraph per gap. */
export function expectNoPolicyGaps(schema: GraphQLSchema, policy: AccessPolicy<string>, subgraph: string): void {
  const problems = describePolicyGaps(findPolicyGaps(schema, policy), policy, accessPolicyFileOf(subgraph));
  if (problems.length > 0) throw new Error(`The access policy leaves fields to chance:\n\n${problems.join('\n\n')}`);
}
