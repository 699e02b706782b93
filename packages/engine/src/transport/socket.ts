// The one graphql-ws socket of a transport: opened on demand with the session token in
// connection_init, never retried by graphql-ws itself (retryAttempts 0: the sync loop owns
// reconnection), closed after `idleMs` with no operation open, and counting exactly the
// operations open on it.
import {
  createClient,
  type FormattedExecutionResult,
  type Sink,
  type SubscribePayload,
  type Client as WsClient,
} from 'graphql-ws';
import { ProtocolError } from '../deps/protocol';
import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import { fromCloseEvent } from './errors';
import type { TransportStatus } from './transport';

export interface SocketOptions {
  /** The relay's GraphQL URL over HTTP(S); the socket uses the same with ws: or wss:. */
  readonly url: string;
  readonly webSocketImpl?: unknown;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly generateId: () => string;
  readonly idleMs: number;
}

export type Result = FormattedExecutionResult<Record<string, unknown>, unknown>;

export interface SocketOperation {
  /** Stops the operation (and stops counting it). */
  readonly stop: () => void;
  /** Stops counting it (its answer is in; the relay's `complete` will end it). */
  readonly release: () => void;
}

export interface RelaySocket {
  run(payload: SubscribePayload, sink: Sink<Result>): SocketOperation;
  setToken(token: string | undefined): void;
  readonly openOperations: number;
  onStatus(listener: (status: TransportStatus) => void): () => void;
  close(): void;
}

/** The WebSocket URL for an HTTP(S) GraphQL URL. */
export function webSocketUrl(httpUrl: string): string {
  return httpUrl.replace(/^http(s?):/, 'ws$1:');
}

export function createRelaySocket(options: SocketOptions): RelaySocket {
  const { clock, logger, idleMs } = options;
  let token: string | undefined;
  let socket: WsClient | undefined;
  let socketGeneration = 0;
  let open = 0;
  let idleTimer: unknown;
  let closed = false;
  const listeners = new Set<(status: TransportStatus) => void>();
  const emit = (status: TransportStatus) => {
    for (const listener of listeners) listener(status);
  };

  const cancelIdle = () => {
    if (idleTimer !== undefined) clock.clearTimeout(idleTimer);
    idleTimer = undefined;
  };

  const dropSocket = () => {
    socketGeneration++;
    const s = socket;
    socket = undefined;
    s?.dispose();
  };

  const armIdle = () => {
    cancelIdle();
    if (open > 0 || socket === undefined) return;
    idleTimer = clock.setTimeout(() => {
      idleTimer = undefined;
      if (open > 0 || socket === undefined) return;
      logger.debug('transport: closing the idle socket');
      dropSocket();
      emit({ state: 'idle' });
    }, idleMs);
  };

  const currentSocket = (): WsClient => {
    if (socket) return socket;
    // graphql-ws emits `connecting` from inside createClient (non-lazy mode), so the handlers
    // identify their socket by generation rather than by the client object.
    const generation = ++socketGeneration;
    const current = () => generation === socketGeneration;
    const created = createClient({
      url: webSocketUrl(options.url),
      webSocketImpl: options.webSocketImpl,
      lazy: false,
      retryAttempts: 0,
      shouldRetry: () => false,
      generateID: () => options.generateId(),
      connectionParams: () => (token === undefined ? {} : { token }),
      onNonLazyError: () => {
        // Reported to each operation's sink and through the `closed` event below.
      },
      on: {
        connecting: () => {
          if (current()) emit({ state: 'connecting' });
        },
        connected: () => {
          if (current()) emit({ state: 'connected' });
        },
        closed: (event) => {
          if (!current()) return;
          // Not disposed here: graphql-ws fails the operations on the dead socket with the close
          // event itself (a dispose would complete them instead, which reads as a clean end).
          // With retryAttempts 0 it does not reconnect on its own; the next operation makes a
          // new client.
          socketGeneration++;
          socket = undefined;
          emit({ state: 'closed', error: fromCloseEvent(event) });
        },
      },
    });
    if (current()) socket = created;
    return created;
  };

  /**
   * Runs one operation on the socket and counts it as open until it ends or is stopped. Every
   * operation that reaches the socket goes through here, so `open` is exactly what is open.
   */
  const run = (payload: SubscribePayload, sink: Sink<Result>): SocketOperation => {
    if (closed) {
      sink.error(new ProtocolError('unavailable', 'the transport is closed'));
      return { stop: () => undefined, release: () => undefined };
    }
    cancelIdle();
    open++;
    let counted = true;
    const release = () => {
      if (!counted) return;
      counted = false;
      open--;
      armIdle();
    };
    const stop = currentSocket().subscribe(payload, {
      next: (value) => sink.next(value),
      error: (error) => {
        release();
        sink.error(error);
      },
      complete: () => {
        release();
        sink.complete();
      },
    });
    return {
      release,
      stop: () => {
        release();
        stop();
      },
    };
  };

  return {
    run,
    setToken(next) {
      if (next === token) return;
      token = next;
      if (socket) {
        dropSocket();
        emit({ state: 'closed', error: new ProtocolError('unauthenticated', 'the session changed') });
      }
    },
    get openOperations() {
      return open;
    },
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      closed = true;
      cancelIdle();
      dropSocket();
      listeners.clear();
    },
  };
}
