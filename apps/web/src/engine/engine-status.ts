// The connection banner's model: the engine's latest connection and catch-up events plus the
// browser's own online flag, reduced to the one thing worth showing. Kept as a tiny store so
// a banner mounted late still sees events emitted before it (useSyncExternalStore).
import type { ConnectionState, EngineApi, EngineEvents } from '../../../../packages/engine/src/engine-api';

export type Banner =
  | { readonly kind: 'none' }
  | { readonly kind: 'offline' }
  | { readonly kind: 'reconnecting'; readonly attempt: number; readonly retryAt: number }
  | { readonly kind: 'catching-up'; readonly done: number; readonly total: number };

export interface StatusInputs {
  readonly browserOnline: boolean;
  readonly connection: ConnectionState | undefined;
  /** When the last connection event arrived (turns retryInMs into a deadline). */
  readonly connectionAt: number;
  readonly sync: EngineEvents['sync'] | undefined;
}

/** Offline beats reconnecting beats catch-up progress. 'connecting' and 'idle' show nothing. */
export function bannerFor(s: StatusInputs): Banner {
  if (!s.browserOnline || s.connection?.state === 'offline') return { kind: 'offline' };
  if (s.connection?.state === 'reconnecting') {
    return {
      kind: 'reconnecting',
      attempt: s.connection.attempt,
      retryAt: s.connectionAt + s.connection.retryInMs,
    };
  }
  if (s.sync && 'total' in s.sync && s.sync.total > 0 && s.sync.done < s.sync.total) {
    return { kind: 'catching-up', done: s.sync.done, total: s.sync.total };
  }
  return { kind: 'none' };
}

export interface OnlineSource {
  readonly onLine: boolean;
  addEventListener(type: 'online' | 'offline', listener: () => void): void;
  removeEventListener(type: 'online' | 'offline', listener: () => void): void;
}

export interface EngineStatus {
  banner(): Banner;
  subscribe(listener: () => void): () => void;
  dispose(): void;
}

export function createEngineStatus(
  engine: Pick<EngineApi, 'on'>,
  online: OnlineSource,
  now: () => number = Date.now,
): EngineStatus {
  let inputs: StatusInputs = {
    browserOnline: online.onLine,
    connection: undefined,
    connectionAt: 0,
    sync: undefined,
  };
  let banner = bannerFor(inputs);
  const listeners = new Set<() => void>();

  const update = (next: Partial<StatusInputs>): void => {
    inputs = { ...inputs, ...next };
    const b = bannerFor(inputs);
    // Keep the same object when nothing visible changed, so React does not re-render.
    if (JSON.stringify(b) === JSON.stringify(banner)) return;
    banner = b;
    for (const l of listeners) l();
  };

  const onOnline = () => update({ browserOnline: true });
  const onOffline = () => update({ browserOnline: false });
  online.addEventListener('online', onOnline);
  online.addEventListener('offline', onOffline);
  const offConnection = engine.on('connection', (connection) => update({ connection, connectionAt: now() }));
  const offSync = engine.on('sync', (sync) => update({ sync }));

  return {
    banner: () => banner,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      online.removeEventListener('online', onOnline);
      online.removeEventListener('offline', onOffline);
      offConnection();
      offSync();
    },
  };
}
