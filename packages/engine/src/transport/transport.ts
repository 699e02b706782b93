// The Transport port: how the engine talks to the relay. The real one (graphql-transport.ts) runs
// every operation over one graphql-ws socket through urql; tests may wrap it (to play a hostile
// relay) or replace it. Every failure a Transport reports is a ProtocolError, and the callers use
// isRetryable from @parley/protocol as the one decision about trying again.
import type { OperationName, ProtocolError } from '../deps/protocol';

export interface OperationSink {
  next(data: unknown): void;
  error(error: ProtocolError): void;
  complete(): void;
}

/**
 * idle: no socket (never opened, or closed after the idle timeout); connecting; connected;
 * closed: the socket dropped (the next operation reopens it).
 */
export type TransportStatus =
  | { readonly state: 'idle' }
  | { readonly state: 'connecting' }
  | { readonly state: 'connected' }
  | { readonly state: 'closed'; readonly error: ProtocolError };

export interface Transport {
  /** A query or mutation. Resolves with the result's `data` (unparsed), rejects with ProtocolError. */
  request(operation: OperationName, variables?: Record<string, unknown>): Promise<unknown>;
  /** A subscription. Returns the function that ends it; calling it twice is harmless. */
  subscribe(operation: OperationName, variables: Record<string, unknown>, sink: OperationSink): () => void;
  /** The session token sent in connection_init. A new token closes the current socket. */
  setToken(token: string | undefined): void;
  /** Operations in flight plus open subscriptions (the leak test counts these). */
  readonly openOperations: number;
  onStatus(listener: (status: TransportStatus) => void): () => void;
  close(): Promise<void>;
}
