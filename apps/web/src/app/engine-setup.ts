// Builds the real engine for this browser (DESIGN.md §2: one of the two places that create
// adapters). Loaded lazily from bootstrap.ts, so the engine's crypto and transport stay out of the
// initial bundle. The engine opens its own Dexie connection to the same database the UI reads;
// Dexie's change events reach the UI's live queries across connections.
import { Engine, type EngineApi, type LockManagerLike, type Network } from '@parley/engine';
import type { ParleyDatabase } from '../../../../packages/engine/src/store/database';
import { createResolveName } from '../chain/resolve-name';

/** `db` is the UI's own connection, read for settings such as the Ethereum RPC URL (ENS). */
export async function createEngine(databaseName: string, db: ParleyDatabase): Promise<EngineApi> {
  return new Engine({
    relayUrl: new URL('/graphql', location.origin).toString(),
    indexedDB: window.indexedDB,
    IDBKeyRange: window.IDBKeyRange,
    databaseName,
    locks: browserLocks(),
    subtle: globalThis.crypto.subtle,
    logger: consoleLogger,
    network: browserNetwork(),
    // ENS names resolve through the RPC URL in Settings; with none, a name is "not found".
    resolveName: createResolveName(db),
  });
}

function browserLocks(): LockManagerLike {
  // Every browser Parley supports has Web Locks; without them two tabs would both sync.
  if (!('locks' in navigator)) throw new Error('this browser has no Web Locks API');
  return navigator.locks;
}

/** The platform's connectivity: navigator.onLine and the window's online/offline events. */
function browserNetwork(): Network {
  return {
    get onLine() {
      return navigator.onLine;
    },
    subscribe(listener) {
      const online = () => listener(true);
      const offline = () => listener(false);
      window.addEventListener('online', online);
      window.addEventListener('offline', offline);
      return () => {
        window.removeEventListener('online', online);
        window.removeEventListener('offline', offline);
      };
    },
  };
}

/** Logs only kinds and counts: never message bodies, keys or tokens (the engine passes none). */
const consoleLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: (message: string, fields?: Record<string, unknown>) => console.warn(message, fields ?? {}),
  error: (message: string, fields?: Record<string, unknown>) => console.error(message, fields ?? {}),
};
