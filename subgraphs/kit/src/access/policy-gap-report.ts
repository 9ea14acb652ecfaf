import type { AccessPolicy } from './access-policy';
import type { findPolicyGaps } from './policy-gaps';

type PolicyGaps = ReturnType<typeof findPolicyGaps>;

/** Where an agency's policy lives, by the layout every subgraph folder follows. */
export const accessPolicyFileOf = (subgraph: string) => `subgraphs/${subgraph}/src/access-policy.ts`;

/**
 * A policy's gaps as what to do about each, naming the file to edit and the groups to choose
 * from: what a spec fails with, and what a development start warns about.
 */
export function describePolicyGaps(gaps: PolicyGaps, policy: AccessPolicy<string>, file: string): string[] {
  const groups = Object.keys(policy.groups).join(', ');
  return [
    ...gaps.unclassified.map(
      (coordinate) =>
        `${coordinate} is in no group of ${file}, so every role gets FORBIDDEN for it. Add it to one of the groups (${groups}), or to a new group that the grants give to the roles who need it; a person's data goes in a group listed under "personal".`,
    ),
    ...gaps.nullHazards.map(
      (hazard) =>
        `${hazard} is non-null but not granted while the rest of its type is: the refusal would null the whole object. Grant it with its type in ${file}, or make the field nullable.`,
    ),
  ];
}
