// The syncing tab writes its connection and sync status where every tab's live query sees it
// (read-model.ts syncStatus): followers have no socket of their own to ask.
import type { EngineEvents } from '../engine-api';
import type { Emitter } from '../events/emitter';
import { STATUS_KEY, type SyncStatus } from '../read-model';
import type { ParleyDatabase } from '../store/database';

/** Starts recording; the returned function stops it and records that nobody leads here now. */
export function recordStatus(db: ParleyDatabase, events: Emitter<EngineEvents>): () => void {
  let status: SyncStatus = { connection: { state: 'connecting', attempt: 0 }, leader: true };
  const write = (next: SyncStatus) => {
    status = next;
    void db.sync.put({ key: STATUS_KEY, value: next }).catch(() => undefined);
  };
  write(status);
  const offConnection = events.on('connection', (connection) => write({ ...status, connection }));
  const offSync = events.on('sync', (sync) => write({ ...status, sync }));
  return () => {
    offConnection();
    offSync();
    write({ connection: { state: 'idle' }, leader: false });
  };
}
