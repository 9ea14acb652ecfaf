import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { Kind, print, type DocumentNode } from 'graphql';
import { PERSISTED_OPERATION_IDS } from './generated/persisted-operations';
import { graphQLAnswerOf, requestErrorOf, type GraphQLAnswer } from './graphql-answer';
import { JembatanRequestError, type GraphQLErrorEntry } from './jembatan-request-error';
import { PURPOSE_HEADER, type Purpose } from './purposes';

export interface JembatanClientOptions {
  /** The gateway's GraphQL endpoint, e.g. `http://localhost:4000/graphql`. */
  url: string | URL;
  /** The user's bearer token, or a function giving a current one for each request (token refresh). */
  token: string | (() => string | Promise<string>);
  /** The purpose of access declared with every request (`X-Purpose`); directory and aggregates need none. */
  purpose?: Purpose;
  /**
   * Send each published operation by its id alone (`extensions.persistedQuery.sha256Hash` from
   * schema/operations/manifest.json), as HR and claims screens do where the gateway enforces
   * trusted operations. Documents that are not published still go by their text. Default: off.
   */
  persistedQueries?: boolean;
  /** Defaults to the global `fetch` (browsers, Node 18+). */
  fetch?: typeof fetch;
}

export interface RequestOptions {
  /** Declares another purpose of access for this request only. */
  purpose?: Purpose;
  signal?: AbortSignal;
}

/**
 * Variables may be left out only when the operation requires none. (The client's methods take them
 * as `NoInfer`, so that the document alone decides their type and a misspelt variable is an error.)
 */
export type VariablesAndOptions<TVariables> =
  Record<string, never> extends TVariables
    ? [variables?: TVariables, options?: RequestOptions]
    : [variables: TVariables, options?: RequestOptions];

/** An answer that arrived with some fields missing, each explained by an error at its path. */
export interface PartialResult<TResult> {
  data: TResult;
  errors: readonly GraphQLErrorEntry[];
}

export interface JembatanClient {
  /** The whole answer, typed by the document; anything less throws a JembatanRequestError. */
  request<TResult, TVariables>(
    document: TypedDocumentNode<TResult, TVariables>,
    ...args: VariablesAndOptions<NoInfer<TVariables>>
  ): Promise<TResult>;
  /**
   * What arrived, with the errors of the fields that did not (FORBIDDEN fields, an agency that is
   * down), for screens that show the rest; throws a JembatanRequestError only when no data came.
   */
  requestPartial<TResult, TVariables>(
    document: TypedDocumentNode<TResult, TVariables>,
    ...args: VariablesAndOptions<NoInfer<TVariables>>
  ): Promise<PartialResult<TResult>>;
}

interface Payload {
  query?: string;
  operationName: string | undefined;
  variables: unknown;
  extensions?: { persistedQuery: { version: 1; sha256Hash: string } };
}

function operationNameOf(document: DocumentNode): string | undefined {
  const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  return operation?.kind === Kind.OPERATION_DEFINITION ? operation.name?.value : undefined;
}

/** What went wrong on the way: undici says only "fetch failed", and the reason in its cause. */
function networkFailureOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error ? `${error.message} (${error.cause.message})` : error.message;
}

/** A small typed client over the gateway's HTTP endpoint: no cache, no links, one POST per request. */
export function createJembatanClient(options: JembatanClientOptions): JembatanClient {
  const fetchOf = options.fetch ?? ((input: string | URL | Request, init?: RequestInit) => fetch(input, init));
  const texts = new WeakMap<DocumentNode, string>();
  const textOf = (document: DocumentNode) => {
    const text = texts.get(document) ?? print(document);
    texts.set(document, text);
    return text;
  };

  async function send(payload: Payload, requestOptions: RequestOptions = {}): Promise<GraphQLAnswer> {
    const purpose = requestOptions.purpose ?? options.purpose;
    let response: Response;
    let text: string;
    try {
      const token = typeof options.token === 'function' ? await options.token() : options.token;
      response = await fetchOf(options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json, application/json',
          authorization: `Bearer ${token}`,
          ...(purpose ? { [PURPOSE_HEADER]: purpose } : {}),
        },
        body: JSON.stringify(payload),
        signal: requestOptions.signal,
      });
      text = await response.text();
    } catch (error) {
      throw new JembatanRequestError({
        code: requestOptions.signal?.aborted ? 'ABORTED' : 'NETWORK_ERROR',
        message: networkFailureOf(error),
        operationName: payload.operationName,
        cause: error,
      });
    }
    return graphQLAnswerOf(response, text, payload.operationName);
  }

  async function execute(document: DocumentNode, variables: unknown, requestOptions?: RequestOptions) {
    const operationName = operationNameOf(document);
    const id = options.persistedQueries ? PERSISTED_OPERATION_IDS.get(document) : undefined;
    if (id === undefined) return send({ query: textOf(document), operationName, variables }, requestOptions);
    const extensions = { persistedQuery: { version: 1 as const, sha256Hash: id } };
    const byId = await send({ operationName, variables, extensions }, requestOptions);
    if (!byId.errors.some((error) => error.code === 'PERSISTED_QUERY_NOT_FOUND')) return byId;
    // A gateway on an older manifest: with the text it can still run the operation, or say why not.
    return send({ query: textOf(document), operationName, variables, extensions }, requestOptions);
  }

  return {
    async request(document, ...[variables, requestOptions]) {
      const answer = await execute(document, variables, requestOptions);
      if (!answer.ok || answer.errors.length > 0 || answer.data === null) {
        throw requestErrorOf(answer, operationNameOf(document));
      }
      return answer.data as never;
    },
    async requestPartial(document, ...[variables, requestOptions]) {
      const answer = await execute(document, variables, requestOptions);
      if (!answer.ok || answer.data === null) throw requestErrorOf(answer, operationNameOf(document));
      return { data: answer.data as never, errors: answer.errors };
    },
  };
}
