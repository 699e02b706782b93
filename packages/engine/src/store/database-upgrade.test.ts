// Version upgrades of the engine's database: each version opens over a database the previous
// version wrote, keeps every row, and adds what it adds.
import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { Content } from '../deps/protocol';
import { ParleyDatabase, SCHEMA_V1, SCHEMA_V2_ADDED } from './database';

function deleteOf(clientId: string): Content {
  return {
    type: 'delete',
    v: 1,
    sentAt: 2,
    deviceLogHead: { seq: 0, hash: '00'.repeat(32) },
    target: { senderDevice: '11'.repeat(16), clientId },
  };
}

describe('ParleyDatabase upgrades', () => {
  it('v1 → v2: keeps every row and adds an empty pendingEffects table with its indexes', async () => {
    const indexedDB = new IDBFactory();
    // A browser profile as version 1 left it.
    const v1 = new Dexie('upgrade-v2', { indexedDB, IDBKeyRange });
    v1.version(1).stores(SCHEMA_V1);
    await v1.open();
    await v1.table('messages').put({
      clientId: 'c1',
      conversationId: 'a',
      seq: 1,
      senderAddress: '0x01',
      senderDevice: 'd',
      sentAt: 1,
      status: 'sent',
      content: { type: 'text', body: 'kept' },
    });
    await v1.table('preferences').put({ key: 'privacy.onlineStatus', value: false });
    v1.close();
    expect(v1.tables.map((t) => t.name)).not.toContain('pendingEffects');

    const db = new ParleyDatabase('upgrade-v2', { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(2);
    expect((await db.messages.get('c1'))?.content).toEqual({ type: 'text', body: 'kept' });
    expect((await db.preferences.get('privacy.onlineStatus'))?.value).toBe(false);
    expect(await db.pendingEffects.count()).toBe(0);
    const [primary, ...indexes] = SCHEMA_V2_ADDED.pendingEffects.split(',').map((p) => p.trim());
    expect(db.pendingEffects.schema.primKey.src).toBe(primary);
    expect(db.pendingEffects.schema.indexes.map((i) => i.src).sort()).toEqual([...indexes].sort());
    // The new table works: a kept effect is found by its target.
    await db.pendingEffects.add({
      conversationId: 'a',
      targetClientId: 'c2',
      targetDevice: '11'.repeat(16),
      sender: '0x01',
      content: deleteOf('c2'),
      seq: 3,
      at: 3,
    });
    expect(await db.pendingEffects.where('[conversationId+targetClientId]').equals(['a', 'c2']).count()).toBe(
      1,
    );
    db.close();
  });
});
