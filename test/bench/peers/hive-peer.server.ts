import { createServer } from 'node:http';
import { GraphQLError } from 'graphql';
import type { ForwardedRequest, SignedOperation } from '@jembatan/kit/access';
import { createGatewayRuntime, unifiedGraphHandler, type HivePlugin } from './hive-runtime';
import { createPeerAuth, GATEWAY_TOKEN_HEADER, PeerRefusal, readPeerSettings, type PeerAuth } from './peer-auth';

/**
 * Peer H: Hive Gateway with its Rust query planner (`@graphql-hive/router-runtime`), default
 * settings (its in-flight deduplication of subgraph fetches on), over the same supergraph and
 * subgraphs. Its only addition is what the subgraphs require (peer-auth.ts), as a plugin.
 */
interface PeerContext {
  forwarded?: ForwardedRequest;
}

function signingPlugin(auth: PeerAuth, agencyByUrl: Map<string, string>): HivePlugin<PeerContext> {
  return {
    async onContextBuilding({ context, extendContext }) {
      try {
        extendContext({ forwarded: await auth.forwardedRequestOf(context.request.headers, context.params.query) });
      } catch (error) {
        const refusal = error instanceof PeerRefusal ? error : new PeerRefusal(400, 'BAD_REQUEST');
        throw new GraphQLError(refusal.code, { extensions: { code: refusal.code, http: { status: refusal.status } } });
      }
    },
    async onFetch({ url, options, setOptions, context }) {
      const agency = agencyByUrl.get(url);
      const forwarded = context.forwarded;
      if (!agency || !forwarded || typeof options.body !== 'string') return;
      // Signed as sent: the very body this fetch carries.
      const { query, variables, operationName } = JSON.parse(options.body) as SignedOperation;
      const token = await auth.signFetch(agency, forwarded, { query, variables, operationName });
      setOptions({ ...options, headers: { ...options.headers, [GATEWAY_TOKEN_HEADER]: token } });
    },
  };
}

/** The supergraph with each subgraph's URL replaced by where it runs in this bench. */
function withSubgraphUrls(sdl: string, urls: Record<string, string>): string {
  return sdl.replace(/@join__graph\(name: "([^"]+)", url: "[^"]*"\)/g, (whole, name: string) =>
    urls[name] ? `@join__graph(name: "${name}", url: "${urls[name]}")` : whole,
  );
}

async function main() {
  const settings = readPeerSettings();
  const auth = await createPeerAuth();
  const agencyByUrl = new Map(Object.entries(settings.subgraphUrls).map(([name, url]) => [url, name]));
  const gateway = createGatewayRuntime<PeerContext>({
    supergraph: withSubgraphUrls(settings.supergraphSdl, settings.subgraphUrls),
    unifiedGraphHandler,
    plugins: () => [signingPlugin(auth, agencyByUrl)],
  });
  const http = createServer((request, response) => {
    if (request.url === '/health') return void response.end('ok');
    return gateway(request, response);
  });
  http.listen(settings.port, '127.0.0.1');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
