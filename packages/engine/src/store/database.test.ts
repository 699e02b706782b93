import { systemRandom } from '@parley/crypto';
import { liveQuery } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { ParleyDatabase, SCHEMA_V1 } from './database';
import { openKeyWrapper, unwrappedKeyStore } from './key-wrap';

function freshDb(name = 'parley-test') {
  return new ParleyDatabase(name, { indexedDB: new IDBFactory(), IDBKeyRange });
}

describe('ParleyDatabase v1', () => {
  it('creates every table of DESIGN.md section 6 with its indexes', async () => {
    const db = freshDb('schema-v1');
    await db.open();
    expect(db.verno).toBe(2);
    for (const [name, spec] of Object.entries(SCHEMA_V1)) {
      const table = db.table(name);
      const [primary, ...indexes] = spec.split(',').map((part) => part.trim());
      expect(table.schema.primKey.src).toBe(primary);
      expect(table.schema.indexes.map((i) => i.src).sort()).toEqual([...indexes].sort());
    }
    expect(Object.keys(SCHEMA_V1).sort()).toEqual(
      [
        'account',
        'devices',
        'identities',
        'contacts',
        'conversations',
        'members',
        'messages',
        'outbox',
        'sessions',
        'epochs',
        'commands',
        'proposals',
        'preferences',
        'sync',
        'keyring',
      ].sort(),
    );
    db.close();
  });

  it('reports writes of another connection to a live query (two tabs, one database)', async () => {
    const factory = new IDBFactory();
    const tab1 = new ParleyDatabase('two-tabs', { indexedDB: factory, IDBKeyRange });
    const tab2 = new ParleyDatabase('two-tabs', { indexedDB: factory, IDBKeyRange });
    const seen: number[] = [];
    const sub = liveQuery(() => tab1.outbox.count()).subscribe({ next: (n) => seen.push(n) });
    await new Promise((r) => setTimeout(r, 50));
    await tab2.outbox.add({
      clientId: 'x',
      conversationId: 'a',
      createdAt: 0,
      attempts: 0,
      nextAttemptAt: 0,
      state: 'queued',
    });
    for (let i = 0; i < 40 && seen.at(-1) !== 1; i++) await new Promise((r) => setTimeout(r, 25));
    expect(seen).toEqual([0, 1]);
    sub.unsubscribe();
    tab1.close();
    tab2.close();
  });

  it('pages messages by [conversationId+seq] and ignores other conversations', async () => {
    const db = freshDb();
    const rows = [3, 1, 2].map((seq) => ({
      clientId: `c${seq}`,
      conversationId: 'a',
      seq,
      senderAddress: '0x01',
      senderDevice: 'd',
      sentAt: seq,
      status: 'sent' as const,
    }));
    const other = {
      clientId: 'other',
      conversationId: 'b',
      seq: 1,
      senderAddress: '0x01',
      senderDevice: 'd',
      sentAt: 1,
      status: 'sent' as const,
    };
    await db.messages.bulkPut([...rows, other]);
    const page = await db.messages
      .where('[conversationId+seq]')
      .between(['a', 0], ['a', Number.MAX_SAFE_INTEGER])
      .toArray();
    expect(page.map((m) => m.seq)).toEqual([1, 2, 3]);
    db.close();
  });

  it('refuses a second outbox entry with the same client id', async () => {
    const db = freshDb();
    const row = {
      clientId: 'x',
      conversationId: 'a',
      createdAt: 0,
      attempts: 0,
      nextAttemptAt: 0,
      state: 'queued' as const,
    };
    await db.outbox.add(row);
    await expect(db.outbox.add(row)).rejects.toThrow(/ConstraintError|unique/i);
    expect(await db.outbox.count()).toBe(1);
    db.close();
  });
});

describe('key wrapping', () => {
  it('stores secrets as they are only where there is no WebCrypto, and says so on unwrap', async () => {
    const secret = systemRandom(32);
    const stored = await unwrappedKeyStore.wrap(secret, 'device/signing');
    expect(await unwrappedKeyStore.unwrap(stored, 'device/signing')).toEqual(secret);
    await expect(
      unwrappedKeyStore.unwrap({ iv: new Uint8Array(12), ciphertext: secret }, 'x'),
    ).rejects.toThrow(/WebCrypto/);
  });

  it('wraps with a non-extractable key that survives reopening, bound to its purpose', async () => {
    const factory = new IDBFactory();
    const open = () => new ParleyDatabase('wrap-test', { indexedDB: factory, IDBKeyRange });
    const db1 = open();
    const w1 = await openKeyWrapper(db1, crypto.subtle, systemRandom);
    const secret = systemRandom(32);
    const wrapped = await w1.wrap(secret, 'device/signing');
    db1.close();

    const db2 = open();
    const w2 = await openKeyWrapper(db2, crypto.subtle, systemRandom);
    expect(await w2.unwrap(wrapped, 'device/signing')).toEqual(secret);
    await expect(w2.unwrap(wrapped, 'device/agreement')).rejects.toThrow();
    const row = await db2.keyring.get('wrap');
    expect(row?.key.extractable).toBe(false);
    db2.close();
  });
});
