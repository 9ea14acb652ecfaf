import type { GraphQLRequestContext } from '@apollo/server';

/**
 * The policy the subgraphs' `Cache-Control` headers left on a request, when its answer may be
 * kept and shared: every subgraph fetched declared what it sent public for a while (`max-age=N,
 * public`, which an agency sends only for fields it hinted as aggregates and never for a personal
 * read or an answer with errors), and the answer holds data and no errors. Otherwise null:
 * anything unhinted, private or failed is not cacheable; nor is a mutation, whatever it returns:
 * a change must reach its agency every time (a retry is answered by the agency's idempotency record).
 */
export function shareablePolicy({ overallCachePolicy, response, operation }: GraphQLRequestContext<object>) {
  if (operation?.operation !== 'query') return null;
  const policy = overallCachePolicy.policyIfCacheable();
  if (!policy || policy.scope !== 'PUBLIC') return null;
  if (response.body?.kind !== 'single') return null;
  const { data, errors } = response.body.singleResult;
  return data && !errors ? policy : null;
}
