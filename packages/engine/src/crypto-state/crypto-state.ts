// The crypto state of this device (ratchet sessions, group sessions, prekeys), loaded from Dexie,
// changed in memory, and written back in the same transaction as whatever it produced (sealed
// outbox entries, opened messages). Every change runs in an exclusive section, one at a time: the
// outbox (sealing) and sync (opening) both move the same sessions, and two interleaved sections
// would lose one's update. Only the syncing tab runs sections.
//
// A section that fails before its transaction commits leaves the stored state as it was; the
// in-memory copies are dropped with it (each section loads fresh copies).
import type { CryptoSuite } from '@parley/crypto';
import type { Table } from 'dexie';
import type { DeviceSecrets } from '../account/device-keys';
import { unwrapPrekeys, wrapPrekeys } from '../account/prekeys';
import {
  type DevicePrekeys,
  type DeviceSessions,
  disposeSessionMap,
  type GroupSession,
  type SessionMap,
} from '../deps/crypto';
import type { ParleyDatabase } from '../store/database';
import type { KeyWrapper } from '../store/key-wrap';
import type { ConversationRow, WrappedSecret } from '../store/schema';

export class Workspace {
  private readonly sessionMaps = new Map<string, { loaded: SessionMap; next: SessionMap | undefined }>();
  private readonly groups = new Map<
    string,
    { session: GroupSession | undefined; dirty: boolean; deleted: boolean }
  >();
  private readonly conversationFields = new Map<string, Partial<ConversationRow>>();
  private prekeyState: { value: DevicePrekeys; dirty: boolean } | undefined;
  private wrappedPrekeys: WrappedSecret | undefined;

  constructor(
    private readonly db: ParleyDatabase,
    private readonly wrapper: KeyWrapper,
    readonly device: DeviceSecrets,
    private readonly now: () => number,
  ) {}

  /** The tables write() touches: include them in the section's transaction. */
  get tables(): Table[] {
    return [this.db.sessions, this.db.epochs, this.db.devices, this.db.conversations];
  }

  async sessions(conversationId: string): Promise<SessionMap> {
    const held = this.sessionMaps.get(conversationId);
    if (held) return held.next ?? held.loaded;
    const rows = await this.db.sessions.where('conversationId').equals(conversationId).toArray();
    const loaded: SessionMap = new Map(rows.map((r) => [r.peerDevice, r.sessions]));
    this.sessionMaps.set(conversationId, { loaded, next: undefined });
    return loaded;
  }

  setSessions(conversationId: string, next: SessionMap): void {
    const held = this.sessionMaps.get(conversationId);
    this.sessionMaps.set(conversationId, { loaded: held?.loaded ?? new Map(), next });
  }

  async group(conversationId: string): Promise<GroupSession | undefined> {
    const held = this.groups.get(conversationId);
    if (held) return held.session;
    const row = await this.db.epochs.get(conversationId);
    this.groups.set(conversationId, { session: row?.session, dirty: false, deleted: false });
    return row?.session;
  }

  /** Group sessions change in place (crypto's API); mark the one that changed. */
  setGroup(conversationId: string, session: GroupSession): void {
    this.groups.set(conversationId, { session, dirty: true, deleted: false });
  }

  dropGroup(conversationId: string): void {
    this.groups.set(conversationId, { session: undefined, dirty: true, deleted: true });
  }

  /** Conversation fields that belong with the crypto state (a group's verified state), written
   * with it so the two never disagree. */
  stageConversation(conversationId: string, fields: Partial<ConversationRow>): void {
    this.conversationFields.set(conversationId, {
      ...this.conversationFields.get(conversationId),
      ...fields,
    });
  }

  async prekeys(): Promise<DevicePrekeys | undefined> {
    if (this.prekeyState) return this.prekeyState.value;
    const row = await this.db.devices.get(this.device.deviceId);
    if (!row?.prekeys) return undefined;
    const value = await unwrapPrekeys(this.wrapper, row.prekeys);
    this.prekeyState = { value, dirty: false };
    return value;
  }

  setPrekeys(value: DevicePrekeys): void {
    this.prekeyState = { value, dirty: true };
  }

  /** The async part of writing (wrapping), done before the transaction starts. */
  async prepare(): Promise<void> {
    if (this.prekeyState?.dirty)
      this.wrappedPrekeys = await wrapPrekeys(this.wrapper, this.prekeyState.value);
  }

  /** Writes every changed state. Call inside a rw transaction over `tables`, after prepare(). */
  async write(): Promise<void> {
    const now = this.now();
    for (const [conversationId, { loaded, next }] of this.sessionMaps) {
      if (!next) continue;
      const removed = [...loaded.keys()].filter((id) => !next.has(id));
      if (removed.length > 0)
        await this.db.sessions.bulkDelete(removed.map((id): [string, string] => [conversationId, id]));
      const changed = [...next].filter(([id, s]) => loaded.get(id) !== s);
      await this.db.sessions.bulkPut(
        changed.map(([peerDevice, sessions]: [string, DeviceSessions]) => ({
          conversationId,
          peerDevice,
          sessions,
          updatedAt: now,
        })),
      );
    }
    for (const [conversationId, g] of this.groups) {
      if (!g.dirty) continue;
      if (g.deleted || !g.session) await this.db.epochs.delete(conversationId);
      else
        await this.db.epochs.put({
          conversationId,
          epoch: g.session.epochs.at(-1)?.state.epoch ?? -1,
          session: g.session,
          updatedAt: now,
        });
    }
    if (this.wrappedPrekeys)
      await this.db.devices.update(this.device.deviceId, { prekeys: this.wrappedPrekeys });
    for (const [id, fields] of this.conversationFields) await this.db.conversations.update(id, fields);
  }

  /** After the commit: wipe the secrets the new states no longer hold (in-memory copies only). */
  dispose(): void {
    for (const { loaded, next } of this.sessionMaps.values()) if (next) disposeSessionMap(loaded, next);
    this.sessionMaps.clear();
    this.groups.clear();
    this.conversationFields.clear();
    this.prekeyState = undefined;
  }
}

export class CryptoState {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: ParleyDatabase,
    private readonly wrapper: KeyWrapper,
    readonly suite: CryptoSuite,
    readonly device: DeviceSecrets,
    private readonly now: () => number,
  ) {}

  /** Runs `fn` after every earlier section has finished; sections never overlap. */
  exclusive<T>(fn: (ws: Workspace) => Promise<T>): Promise<T> {
    const run = this.tail.then(async () => {
      const ws = new Workspace(this.db, this.wrapper, this.device, this.now);
      try {
        return await fn(ws);
      } finally {
        ws.dispose();
      }
    });
    this.tail = run.catch(() => undefined);
    return run;
  }

  /** Writes the workspace and whatever `write` adds, in one transaction. */
  async commit<T>(ws: Workspace, tables: readonly Table[], write: () => Promise<T>): Promise<T> {
    await ws.prepare();
    return this.db.transaction('rw', [...ws.tables, ...tables], async () => {
      await ws.write();
      return write();
    });
  }
}
