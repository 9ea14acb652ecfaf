import { createHash } from 'node:crypto';
import { Kind, parse, type DocumentNode } from 'graphql';
import { operationDigestOf } from '@jembatan/kit/access';
import { BoundedVerdicts } from './bounded-verdicts';
import type { IncomingFetch } from './incoming-fetch';

const isOneQuery = (document: DocumentNode): boolean => {
  const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  return operations.length === 1 && operations[0]!.operation === 'query';
};

/** The planner sends a few hundred distinct operation texts at most; each is parsed once. */
const queryTexts = new BoundedVerdicts(1_000);

function isOneQueryText(query: string): boolean {
  let verdict = queryTexts.get(query);
  if (verdict === undefined) {
    try {
      verdict = isOneQuery(parse(query, { noLocation: true }));
    } catch {
      verdict = false;
    }
    queryTexts.set(query, verdict);
  }
  return verdict;
}

/**
 * Whether a fetch may share another's answer at all: one query operation, from the planner's
 * document when it exposes one, else from the text. Mutations, and anything that cannot be told,
 * always go out on their own.
 */
export function isSharableFetch({ document, request }: IncomingFetch): boolean {
  if (document) return isOneQuery(document);
  return request.query !== undefined && isOneQueryText(request.query);
}

/**
 * Everything that can change a subgraph's answer or what it audits, in one key: the agency, the
 * operation (text, variables, name) and everything the gateway's token tells the agency about the
 * request — the caller's agency and roles, the purpose, the data subject, the published operation,
 * and whatever is added to the request's context later — except who the caller is and the
 * request id, which only an audit record would name, and an answer that is shared is never
 * audited. Taking the whole context but those two keeps a new field from silently merging
 * callers it should keep apart.
 */
export function fetchDedupKey(subgraph: string, { request, context }: IncomingFetch): string {
  const { requestId: _requestId, caller, ...aboutTheRequest } = context;
  const { subject: _subject, ...aboutTheCaller } = caller;
  const parts = {
    subgraph,
    // Text, variables and name, as the fetch's token is signed for them (digested once for both).
    operation: operationDigestOf({
      query: request.query ?? '',
      variables: request.variables,
      operationName: request.operationName,
    }),
    caller: { ...aboutTheCaller, roles: [...new Set(aboutTheCaller.roles)].sort() },
    context: aboutTheRequest,
  };
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url');
}
