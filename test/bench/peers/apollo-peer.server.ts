import { createServer } from 'node:http';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer, HeaderMap } from '@apollo/server';
import type { ForwardedRequest } from '@jembatan/kit/access';
import { createPeerAuth, GATEWAY_TOKEN_HEADER, PeerRefusal, readPeerSettings, type PeerAuth } from './peer-auth';

/**
 * Peer A: stock `@apollo/gateway` with `@apollo/server`, default settings, over the same
 * supergraph and subgraphs as Jembatan's gateway. Its only addition is what the subgraphs
 * require: the caller verified and each fetch signed (peer-auth.ts).
 */
interface PeerContext {
  forwarded: ForwardedRequest;
}

class SigningDataSource extends RemoteGraphQLDataSource<PeerContext> {
  constructor(
    private readonly agency: string,
    url: string,
    private readonly auth: PeerAuth,
  ) {
    super({ url });
  }

  override async willSendRequest({
    request,
    context,
  }: Parameters<NonNullable<RemoteGraphQLDataSource<PeerContext>['willSendRequest']>>[0]) {
    if (!request.http || !context.forwarded) return;
    const operation = {
      query: request.query ?? '',
      variables: request.variables,
      operationName: request.operationName,
    };
    request.http.headers.set(
      GATEWAY_TOKEN_HEADER,
      await this.auth.signFetch(this.agency, context.forwarded, operation),
    );
  }
}

async function main() {
  const settings = readPeerSettings();
  const auth = await createPeerAuth();
  const gateway = new ApolloGateway({
    supergraphSdl: settings.supergraphSdl,
    buildService: ({ name }) => new SigningDataSource(name, settings.subgraphUrls[name]!, auth),
  });
  const server = new ApolloServer<PeerContext>({ gateway });
  await server.start();

  const http = createServer((request, response) => {
    if (request.url === '/health') return void response.end('ok');
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', async () => {
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { query?: unknown };
        const forwarded = await auth.forwardedRequestOf(request.headers, body.query);
        const headers = new HeaderMap();
        for (const [key, value] of Object.entries(request.headers))
          if (typeof value === 'string') headers.set(key, value);
        const answer = await server.executeHTTPGraphQLRequest({
          httpGraphQLRequest: { method: request.method ?? 'POST', headers, search: '', body },
          context: async () => ({ forwarded }),
        });
        response.statusCode = answer.status ?? 200;
        for (const [key, value] of answer.headers) response.setHeader(key, value);
        if (answer.body.kind === 'complete') return void response.end(answer.body.string);
        for await (const chunk of answer.body.asyncIterator) response.write(chunk);
        response.end();
      } catch (error) {
        const refusal = error instanceof PeerRefusal ? error : new PeerRefusal(400, 'BAD_REQUEST');
        response.statusCode = refusal.status;
        response.end(JSON.stringify({ errors: [{ message: refusal.code, extensions: { code: refusal.code } }] }));
      }
    });
  });
  http.listen(settings.port, '127.0.0.1');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
