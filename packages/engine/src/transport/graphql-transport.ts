// The real Transport: an urql client whose one exchange (subscriptionExchange with
// enableAllOperations) forwards queries, mutations and subscriptions to one graphql-ws socket.
//
// Connection policy (DESIGN.md §3):
// - The four operations that run without a session (challenge, signIn, deviceChallenge,
//   renewSession) go over HTTP: the relay refuses a socket whose connection_init has no token.
// - The socket opens on demand, with the session token in connection_init (never in the URL).
// - At most `maxInFlight` requests share the socket with the events subscription: the relay caps
//   operations per connection (relay config maxSubscriptionsPerConnection), so more wait here.
// - graphql-ws never retries on its own (retryAttempts 0). A dropped socket fails the operations
//   on it with ProtocolError('unavailable'), and the sync loop decides when to reconnect (backoff
//   with full jitter, sync/sync-loop.ts). Keeping that decision in one place keeps it testable.
// - With no operation open for `idleMs` (5 minutes), the socket is closed; the next operation
//   reopens it. The timer runs on the Clock port, so tests can move time.
import { Client, fetchExchange, type OperationResult, subscriptionExchange } from '@urql/core';
import type { Sink, SubscribePayload } from 'graphql-ws';
import { OPERATIONS, type OperationName, ProtocolError } from '../deps/protocol';
import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import { fromCloseEvent, fromCombinedError, fromGraphQLError } from './errors';
import { createRelaySocket, type Result } from './socket';
import type { OperationSink, Transport } from './transport';

export const IDLE_CLOSE_MS = 5 * 60_000;
export const REQUEST_TIMEOUT_MS = 30_000;

/** Operations a device without a session needs; they go over HTTP. */
const HTTP_OPERATIONS: ReadonlySet<OperationName> = new Set([
  'challenge',
  'signIn',
  'deviceChallenge',
  'renewSession',
]);

export interface GraphqlTransportOptions {
  /** The relay's GraphQL URL over HTTP, such as http://127.0.0.1:8787/graphql. The WebSocket URL
   * is the same with ws: or wss:. */
  readonly url: string;
  /** fetch for the HTTP operations (the platform's when omitted). */
  readonly fetch?: typeof fetch;
  /** A WebSocket constructor where the runtime has none (Node 20: the `ws` package's). */
  readonly webSocketImpl?: unknown;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Operation ids for graphql-ws (its default uses Math.random). */
  readonly generateId: () => string;
  readonly idleMs?: number;
  readonly requestTimeoutMs?: number;
  /** Requests in flight on the socket at once (default 3, plus the subscription). */
  readonly maxInFlight?: number;
}

type Kind = 'query' | 'mutation' | 'subscription';

function kindOf(document: string): Kind {
  if (document.startsWith('mutation')) return 'mutation';
  if (document.startsWith('subscription')) return 'subscription';
  return 'query';
}

export function createGraphqlTransport(options: GraphqlTransportOptions): Transport {
  const { clock } = options;
  const timeoutMs = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  const maxInFlight = options.maxInFlight ?? 3;
  const waiting: Array<() => void> = [];
  let inFlight = 0;
  let closed = false;
  const socket = createRelaySocket({
    url: options.url,
    webSocketImpl: options.webSocketImpl,
    clock,
    logger: options.logger,
    generateId: options.generateId,
    idleMs: options.idleMs ?? IDLE_CLOSE_MS,
  });
  const onSocket = (payload: SubscribePayload, sink: Sink<Result>) => socket.run(payload, sink);

  const urql = new Client({
    url: options.url,
    requestPolicy: 'network-only',
    preferGetMethod: false,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    exchanges: [
      subscriptionExchange({
        isSubscriptionOperation: (operation) => operation.context.overHttp !== true,
        forwardSubscription: (request) => ({
          subscribe(sink) {
            const query = request.query ?? '';
            // A query or mutation is over with its one result: it stops counting as open then,
            // and graphql-ws ends it when the relay's `complete` arrives. (Unsubscribing here
            // instead would send a `complete` of our own, and graphql-ws closes a socket whose
            // operations have all been released, even in non-lazy mode.)
            const single = kindOf(query) !== 'subscription';
            const op = onSocket(
              {
                query,
                variables: request.variables ?? {},
                ...(request.operationName ? { operationName: request.operationName } : {}),
              },
              {
                next: (value) => {
                  sink.next({
                    ...(value.data === undefined ? {} : { data: value.data }),
                    ...(value.errors === undefined ? {} : { errors: [...value.errors] }),
                  });
                  if (single) op.release();
                },
                error: (error) => sink.error(error),
                complete: () => sink.complete(),
              },
            );
            return { unsubscribe: () => op.stop() };
          },
        }),
      }),
      fetchExchange,
    ],
  });

  /** Waits for a request slot on the socket; HTTP requests need none. */
  const slot = async (http: boolean): Promise<() => void> => {
    if (http) return () => {};
    if (inFlight >= maxInFlight) await new Promise<void>((resolve) => waiting.push(resolve));
    inFlight++;
    let freed = false;
    return () => {
      if (freed) return;
      freed = true;
      inFlight--;
      waiting.shift()?.();
    };
  };

  async function request(
    operation: OperationName,
    variables: Record<string, unknown> = {},
  ): Promise<unknown> {
    const document = OPERATIONS[operation];
    const kind = kindOf(document);
    if (kind === 'subscription') throw new ProtocolError('bad_request', `${operation} is a subscription`);
    if (closed) throw new ProtocolError('unavailable', 'the transport is closed');
    const overHttp = HTTP_OPERATIONS.has(operation);
    const free = await slot(overHttp);
    try {
      return await once(operation, kind, document, variables, overHttp);
    } finally {
      free();
    }
  }

  function once(
    operation: OperationName,
    kind: Kind,
    document: string,
    variables: Record<string, unknown>,
    overHttp: boolean,
  ): Promise<unknown> {
    return new Promise((resolve, reject) => {
      let settled = false;
      const context = { overHttp };
      const source =
        kind === 'mutation'
          ? urql.mutation(document, variables, context)
          : urql.query(document, variables, context);
      const finish = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clock.clearTimeout(timer);
        // urql may call back synchronously, before `subscription` is assigned.
        queueMicrotask(() => subscription.unsubscribe());
        fn();
      };
      const timer = clock.setTimeout(
        () =>
          finish(() => reject(new ProtocolError('unavailable', `${operation}: no answer from the relay`))),
        timeoutMs,
      );
      const subscription = source.subscribe((result: OperationResult) => {
        const error = result.error;
        if (error) finish(() => reject(fromCombinedError(error)));
        else if (result.data === undefined || result.data === null) {
          finish(() => reject(new ProtocolError('internal', `${operation}: empty result`)));
        } else finish(() => resolve(result.data));
      });
    });
  }

  /**
   * Subscriptions go to the socket directly, not through urql: urql shares one operation between
   * subscribers of the same document and variables, which would tie independent subscribers'
   * lifetimes together (and the relay caps operations per connection).
   */
  function subscribeTo(operation: OperationName, variables: Record<string, unknown>, sink: OperationSink) {
    let done = false;
    const end = (fn: () => void) => {
      if (done) return;
      done = true;
      fn();
    };
    const { stop } = onSocket(
      { query: OPERATIONS[operation], variables },
      {
        next: (result) => {
          if (done) return;
          const first = result.errors?.[0];
          if (first !== undefined) {
            end(() => sink.error(fromGraphQLError(first)));
            queueMicrotask(() => stop());
          } else if (result.data !== undefined && result.data !== null) sink.next(result.data);
        },
        error: (error) =>
          end(() =>
            sink.error(
              Array.isArray(error) && error[0] !== undefined
                ? fromGraphQLError(error[0])
                : fromCloseEvent(error),
            ),
          ),
        complete: () => end(() => sink.complete()),
      },
    );
    return () => {
      end(() => undefined);
      stop();
    };
  }

  return {
    request,
    subscribe: subscribeTo,
    setToken: (next) => socket.setToken(next),
    get openOperations() {
      return socket.openOperations;
    },
    onStatus: (listener) => socket.onStatus(listener),
    async close() {
      closed = true;
      for (const wake of waiting.splice(0)) wake();
      socket.close();
    },
  };
}
