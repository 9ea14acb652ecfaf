import type { GraphQLRequestContext } from '@apollo/server';
import type { DocumentNode } from 'graphql';
import type { GatewayContext } from '../context';

/**
 * Which operations, asked with which roles and purpose, last came back not cacheable: most
 * traffic reads people, and those answers are never stored, so looking them up in the cache (a
 * Redis round trip when shared) would only ever miss. A stale verdict costs no more than one
 * fetch that a cached answer could have spared: the next answer that is cacheable renews it.
 */
export class UncacheableOperations {
  private readonly byDocument = new WeakMap<DocumentNode, Map<string, boolean>>();

  /** True only when this operation, for these callers, last came back not cacheable. */
  knownUncacheable(requestContext: GraphQLRequestContext<GatewayContext>): boolean {
    const { document } = requestContext;
    return document !== undefined && this.byDocument.get(document)?.get(callersOf(requestContext)) === true;
  }

  remember(requestContext: GraphQLRequestContext<GatewayContext>, uncacheable: boolean): void {
    const { document } = requestContext;
    if (!document) return;
    let verdicts = this.byDocument.get(document);
    // Apollo keeps one parsed document per operation text, so these live as long as its cache does.
    if (!verdicts) this.byDocument.set(document, (verdicts = new Map()));
    verdicts.set(callersOf(requestContext), uncacheable);
  }
}

const callersOf = ({ contextValue }: GraphQLRequestContext<GatewayContext>) =>
  JSON.stringify([[...new Set(contextValue.caller.roles)].sort(), contextValue.purpose, contextValue.dataSubject]);
