import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { ParleyDatabase } from '../store/database';
import type { ConversationRow, MessageRow } from '../store/schema';
import type { EnvelopeOut } from '../transport/relay-schemas';
import { collisionKey, type OpenedItem, pageTables, storeRows, writePage } from './page-write';

const CONV = 'c'.repeat(32);
const OTHER_CONV = 'd'.repeat(32);
const ME = `0x${'1'.repeat(40)}`;
const PEER = `0x${'2'.repeat(40)}`;
const PEER_DEVICE = 'e'.repeat(32);

let dbCount = 0;
async function freshDb(): Promise<ParleyDatabase> {
  const db = new ParleyDatabase(`page-write-${dbCount++}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  const conversation = (id: string): ConversationRow => ({
    id,
    kind: 'dm',
    peer: PEER,
    lastMessageAt: 0,
    unreadCount: 0,
    appliedSeq: 0,
    aheadSeqs: [],
    readSeq: 0,
  });
  await db.conversations.bulkPut([conversation(CONV), conversation(OTHER_CONV)]);
  return db;
}

function envelope(seq: number, clientId: string, conversationId = CONV): EnvelopeOut {
  return {
    conversationId,
    seq,
    clientId,
    senderAddress: PEER,
    senderDevice: PEER_DEVICE,
    serverTime: 1_000 + seq,
    body: 'AA',
  } as EnvelopeOut;
}

function received(e: EnvelopeOut, body: string): OpenedItem {
  const row: MessageRow = {
    clientId: e.clientId,
    conversationId: e.conversationId,
    seq: e.seq,
    senderAddress: e.senderAddress,
    senderDevice: e.senderDevice,
    sentAt: e.serverTime,
    serverTime: e.serverTime,
    status: 'sent',
    content: { type: 'text', body, sentAt: e.serverTime },
    mine: 0,
  };
  return { envelope: e, row };
}

function write(db: ParleyDatabase, items: readonly OpenedItem[], cursor?: string) {
  // An async scope function, as crypto-state's commit() has: Dexie keeps the transaction open
  // across its awaits.
  return db.transaction('rw', pageTables(db), async () => {
    const result = await writePage(db, ME, items, cursor === undefined ? {} : { cursor });
    return result;
  });
}

function bodyOf(row: MessageRow | undefined): unknown {
  return (row?.content as { body?: unknown } | undefined)?.body;
}

describe('writePage', () => {
  it('stores a page, advances the seq bookkeeping and the cursor, and counts unread', async () => {
    const db = await freshDb();
    const items = [1, 2, 3].map((s) => received(envelope(s, `${s}`.repeat(32)), `m${s}`));
    const result = await write(db, items, '42');
    expect(result.applied).toBe(3);
    expect(result.received.get(CONV)).toBe(3);
    expect(result.gaps).toEqual([]);
    expect(await db.messages.count()).toBe(3);
    const conversation = await db.conversations.get(CONV);
    expect(conversation?.appliedSeq).toBe(3);
    expect(conversation?.unreadCount).toBe(3);
    expect(conversation?.lastMessageAt).toBe(1_003);
    expect((await db.sync.get('cursor'))?.value).toBe('42');
  });

  it('reports a gap when a seq below the page is missing', async () => {
    const db = await freshDb();
    const result = await write(db, [received(envelope(3, 'a'.repeat(32)), 'late')]);
    expect(result.gaps).toEqual([CONV]);
    expect((await db.conversations.get(CONV))?.aheadSeqs).toEqual([3]);
  });

  it("keeps both rows when another sender's client id is already stored, never overwriting", async () => {
    const db = await freshDb();
    const shared = 'f'.repeat(32);
    await write(db, [received(envelope(1, shared, OTHER_CONV), 'first')]);
    await write(db, [received(envelope(1, shared), 'second')]);
    expect(bodyOf(await db.messages.get(shared))).toBe('first');
    const renamed = await db.messages.get(
      collisionKey({ clientId: shared, conversationId: CONV, seq: 1 } as MessageRow),
    );
    expect(bodyOf(renamed)).toBe('second');
    expect(renamed?.conversationId).toBe(CONV);
  });

  it('keeps both rows when two envelopes of one page share a client id', async () => {
    const db = await freshDb();
    const shared = 'b'.repeat(32);
    await write(db, [received(envelope(1, shared), 'one'), received(envelope(2, shared), 'two')]);
    expect(await db.messages.count()).toBe(2);
    expect(bodyOf(await db.messages.get(shared))).toBe('one');
    const second = await db.messages.get(`${shared}.${CONV}.2`);
    expect(bodyOf(second)).toBe('two');
    expect((await db.conversations.get(CONV))?.appliedSeq).toBe(2);
  });

  it('marks our own message sent with its seq and drops its outbox entry', async () => {
    const db = await freshDb();
    const clientId = '9'.repeat(32);
    await db.messages.put({
      clientId,
      conversationId: CONV,
      senderAddress: ME,
      senderDevice: PEER_DEVICE,
      sentAt: 5,
      status: 'pending',
      mine: 1,
    });
    await db.outbox.add({
      clientId,
      conversationId: CONV,
      createdAt: 5,
      attempts: 0,
      nextAttemptAt: 5,
      state: 'queued',
    });
    const own = { ...envelope(1, clientId), senderAddress: ME };
    const result = await write(db, [{ envelope: own, own: true }]);
    const row = await db.messages.get(clientId);
    expect(row?.status).toBe('sent');
    expect(row?.seq).toBe(1);
    expect(await db.outbox.count()).toBe(0);
    expect(result.received.size).toBe(0);
    expect((await db.conversations.get(CONV))?.appliedSeq).toBe(1);
  });

  it('writes nothing when the transaction fails after the page was written', async () => {
    const db = await freshDb();
    const failing = db.transaction('rw', pageTables(db), async () => {
      await writePage(db, ME, [received(envelope(1, 'a'.repeat(32)), 'x')], { cursor: '7' });
      throw new Error('crash after writing');
    });
    await expect(failing).rejects.toThrow('crash after writing');
    expect(await db.messages.count()).toBe(0);
    expect(await db.sync.get('cursor')).toBeUndefined();
    expect((await db.conversations.get(CONV))?.appliedSeq).toBe(0);
  });
});

describe('storeRows', () => {
  it('replaces a stored row of the same (conversationId, seq) instead of keeping a second copy', async () => {
    const db = await freshDb();
    const id = '7'.repeat(32);
    const first = received(envelope(4, id), 'before').row;
    const again = received(envelope(4, id), 'after').row;
    if (!first || !again) throw new Error('no rows');
    await db.transaction('rw', db.messages, () => storeRows(db, [first]));
    const stored = await db.transaction('rw', db.messages, () => storeRows(db, [again]));
    expect(stored.map((r) => r.clientId)).toEqual([id]);
    expect(await db.messages.count()).toBe(1);
    expect(bodyOf(await db.messages.get(id))).toBe('after');
  });
});
