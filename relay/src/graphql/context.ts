// The per-operation context: the services (ports), who is asking, and over what. Resolvers get
// it through contextOf(), which checks its class instead of casting.
import type { Clock } from '../clock';
import type { RelayConfig } from '../config';
import type { CryptoSuite } from '../deps/crypto';
import { ProtocolError } from '../deps/protocol';
import type { RateLimits } from '../limits/rate-limits';
import type { Logger } from '../logger';
import type { PubSub } from '../pubsub/pubsub';
import type { RelayStore, Session } from '../store/store';

export interface Services {
  readonly store: RelayStore;
  readonly pubsub: PubSub;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly config: RelayConfig;
  readonly suite: CryptoSuite;
  readonly limits: RateLimits;
}

export interface Auth {
  readonly session: Session;
  readonly tokenHash: string;
}

/** What a WebSocket connection offers to its operations (the events stream uses it). */
export interface ConnectionHandle {
  readonly id: string;
  /** True while the socket's send buffer is over the backpressure threshold. */
  congested(): boolean;
  /** Writes a ready-made graphql-ws frame (the direct `events` path); dropped once closed. */
  push(frame: string): void;
}

export class RelayContext {
  // graphql-http types an operation context as a record; this makes the class one.
  readonly [key: string]: unknown;
  readonly [key: symbol]: unknown;

  constructor(
    readonly services: Services,
    readonly auth: Auth | undefined,
    readonly ip: string,
    readonly connection: ConnectionHandle | undefined,
    /** Set for the engine's own `events` document on a socket: its graphql-ws operation id. */
    readonly directOperationId?: string,
  ) {}

  requireAuth(): Auth {
    if (this.auth === undefined) throw new ProtocolError('unauthenticated', 'sign in first');
    return this.auth;
  }

  requireSession(): Session {
    return this.requireAuth().session;
  }
}

export function contextOf(value: unknown): RelayContext {
  if (value instanceof RelayContext) return value;
  throw new ProtocolError('internal', 'missing request context');
}
