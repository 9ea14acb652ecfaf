import { createRequire } from 'node:module';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The part of Hive Gateway's API the peer uses, typed here. Its own type declarations reference
 * the DOM library (through @whatwg-node/fetch), which would change `fetch`'s and `Headers`' types
 * for every file of the project's one type-checking program; so the packages are loaded by name
 * at run time, and these interfaces say what the peer relies on.
 */
export interface HiveContext {
  request: { headers: Pick<Headers, 'get'> };
  params: { query?: unknown };
}

export interface HivePlugin<TContext> {
  onContextBuilding(payload: { context: HiveContext; extendContext(extension: TContext): void }): Promise<void>;
  onFetch(payload: {
    url: string;
    options: { body?: unknown; headers?: Record<string, string> };
    setOptions(options: { body?: unknown; headers?: Record<string, string> }): void;
    context: Partial<TContext>;
  }): Promise<void>;
}

interface GatewayRuntimeModule {
  createGatewayRuntime<TContext>(config: {
    supergraph: string;
    unifiedGraphHandler: unknown;
    plugins: () => HivePlugin<TContext>[];
  }): (request: IncomingMessage, response: ServerResponse) => void;
}

const load = createRequire(__filename);

export const { createGatewayRuntime } = load('@graphql-hive/gateway-runtime' as string) as GatewayRuntimeModule;
/** The Rust query planner and its executor (`@graphql-hive/router-runtime`). */
export const { unifiedGraphHandler } = load('@graphql-hive/router-runtime' as string) as {
  unifiedGraphHandler: unknown;
};
