// The ports an Engine is built from (DESIGN.md §2: only the app's setup creates concrete adapters).
// The same options run it in a browser tab (window.indexedDB, navigator.locks, the platform
// WebSocket) and in Node (fake-indexeddb, an in-process LockManager, the `ws` package).
import type { CryptoSuite, Random } from '@parley/crypto';
import type { Clock } from './ports/clock';
import type { LockManagerLike } from './ports/locks';
import type { Logger } from './ports/logger';
import type { Network } from './ports/network';
import type { BackoffPolicy } from './sync/backoff';
import type { Transport } from './transport/transport';

export interface EngineOptions {
  /** The relay's GraphQL URL over HTTP(S), such as https://relay.example/graphql. */
  readonly relayUrl?: string;
  /** A Transport to use instead of the real one built from relayUrl. */
  readonly transport?: Transport;
  /** WebSocket constructor where the runtime has none (Node 20: `ws`). */
  readonly webSocketImpl?: unknown;
  readonly fetch?: typeof fetch;
  readonly indexedDB: IDBFactory;
  readonly IDBKeyRange: typeof IDBKeyRange;
  /** One database per browser profile; tests give each engine (or each simulated browser) one. */
  readonly databaseName?: string;
  /** navigator.locks in a browser. */
  readonly locks: LockManagerLike;
  readonly clock?: Clock;
  readonly random?: Random;
  readonly logger?: Logger;
  /** WebCrypto for wrapping private keys at rest; null when the runtime has none. */
  readonly subtle?: SubtleCrypto | null;
  /** The crypto suite (createSuite() with `random` when omitted). */
  readonly suite?: CryptoSuite;
  /** Resolves an ENS name to an address (createDM accepts either). */
  readonly resolveName?: (name: string) => Promise<string | undefined>;
  /** Close the socket after this long with nothing open (default 5 minutes). */
  readonly idleCloseMs?: number;
  /** Reconnect backoff (full jitter; default base 500 ms, cap 30 s). */
  readonly backoff?: BackoffPolicy;
  /** What the platform says about connectivity (navigator.onLine and its events in a browser);
   * always online when omitted. */
  readonly network?: Network;
}

export const DEFAULT_DATABASE = 'parley';

/** Privacy preferences (preferences table): each defaults to on. */
export const PREF_TYPING = 'privacy.typing';
export const PREF_READ_RECEIPTS = 'privacy.readReceipts';
export const PREF_ONLINE_STATUS = 'privacy.onlineStatus';
