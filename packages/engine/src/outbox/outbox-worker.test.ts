import { createSuite, systemRandom } from '@parley/crypto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../test/support/manual-clock';
import { ScriptedTransport } from '../../test/support/scripted-transport';
import { CryptoState } from '../crypto-state/crypto-state';
import { ProtocolError } from '../deps/protocol';
import { Emitter } from '../events/emitter';
import { Identities } from '../identity/identities';
import { silentLogger } from '../ports/logger';
import { ParleyDatabase } from '../store/database';
import { unwrappedKeyStore } from '../store/key-wrap';
import { RelayApi } from '../transport/relay-api';
import { discardEntry, enqueueMessage, retryEntry } from './enqueue';
import { OutboxWorker } from './outbox-worker';

const CONV = 'c0'.repeat(16);
const OTHER = 'd0'.repeat(16);
const ME = `0x${'11'.repeat(20)}`;
const DEVICE = 'aa'.repeat(16);
const id = (n: number) => n.toString(16).padStart(32, '0');
const text = (body: string) => ({
  type: 'text' as const,
  v: 1 as const,
  sentAt: 1,
  deviceLogHead: { seq: 0, hash: '00'.repeat(32) },
  body,
});

async function setup() {
  const db = new ParleyDatabase(`outbox-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  const clock = new ManualClock(1_000_000);
  const transport = new ScriptedTransport();
  const api = new RelayApi(transport);
  const suite = await createSuite({ random: systemRandom });
  const device = {
    deviceId: DEVICE,
    signing: { privateKey: new Uint8Array(32), publicKey: new Uint8Array(32) },
    agreement: { privateKey: new Uint8Array(32), publicKey: new Uint8Array(32) },
  };
  const crypto = new CryptoState(db, unwrappedKeyStore, suite, device, () => clock.now());
  for (const c of [CONV, OTHER]) {
    await db.conversations.put({
      id: c,
      kind: 'dm',
      peer: ME,
      lastMessageAt: 0,
      unreadCount: 0,
      appliedSeq: 0,
      readSeq: 0,
    });
  }
  let sealCount = 0;
  const worker = new OutboxWorker({
    db,
    api,
    crypto,
    identities: new Identities(db, api, suite, clock, new Emitter()),
    // A stand-in for the ratchet: each sealing gives new bytes, so a resend of the same bytes is
    // visible as such.
    sealer: {
      seal: async (_ws, conversation, clientId) => [
        { conversationId: conversation.id, clientId, body: `sealed${++sealCount}AA`, recipientDevice: id(9) },
      ],
    },
    clock,
    unit: () => 0.5,
    logger: silentLogger,
    renewSession: async () => undefined,
  });
  let seq = 0;
  const receipts = (variables: Record<string, unknown>) => {
    const envelopes = variables.envelopes;
    if (!Array.isArray(envelopes)) throw new Error('no envelopes');
    return envelopes.map((e: { conversationId: string; clientId: string }) => ({
      conversationId: e.conversationId,
      clientId: e.clientId,
      seq: ++seq,
      serverTime: clock.now(),
      duplicate: false,
    }));
  };
  const send = async (clientId: string, conversationId = CONV, body = clientId) =>
    enqueueMessage(db, {
      clientId,
      conversationId,
      senderAddress: ME,
      senderDevice: DEVICE,
      content: text(body),
      now: clock.now(),
    });
  const settle = async () => {
    for (let i = 0; i < 20; i++) {
      await worker.idle();
      await new Promise((r) => setTimeout(r, 0));
      clock.advance(10);
    }
    await worker.idle();
  };
  return { db, clock, transport, worker, receipts, send, settle };
}

describe('outbox worker', () => {
  it('retries with the same client id and the same sealed bytes until the relay acknowledges', async () => {
    const t = await setup();
    let failures = 2;
    t.transport.on('deviceLog', () => ({ address: ME, fromSeq: 0, entries: [], hasMore: false }));
    t.transport.on('send', (v) => {
      if (failures-- > 0) throw new ProtocolError('unavailable', 'relay down');
      return t.receipts(v);
    });
    await t.send(id(1));
    t.worker.start();
    for (let i = 0; i < 3; i++) {
      await t.settle();
      t.clock.advance(60_000);
    }
    await t.settle();
    const sends = t.transport.sent('send');
    expect(sends).toHaveLength(3);
    expect(new Set(sends.map((s) => JSON.stringify(s.envelopes))).size).toBe(1);
    expect(await t.db.messages.get(id(1))).toMatchObject({ status: 'sent', seq: 1 });
    expect(await t.db.outbox.count()).toBe(0);
    await t.worker.stop();
  });

  it('fails only the refused message of a batch; it can be retried or discarded', async () => {
    const t = await setup();
    let refuse = true;
    t.transport.on('deviceLog', () => ({ address: ME, fromSeq: 0, entries: [], hasMore: false }));
    t.transport.on('send', (v) => {
      const clientIds = JSON.stringify(v.envelopes);
      if (refuse && clientIds.includes(id(2))) throw new ProtocolError('forbidden', 'not a member');
      return t.receipts(v);
    });
    await t.send(id(1));
    await t.send(id(2));
    await t.send(id(3), OTHER);
    t.worker.start();
    await t.settle();
    expect((await t.db.messages.get(id(1)))?.status).toBe('sent');
    expect(await t.db.messages.get(id(2))).toMatchObject({
      status: 'failed',
      reason: 'forbidden: not a member',
    });
    expect((await t.db.messages.get(id(3)))?.status).toBe('sent');

    refuse = false;
    expect(await retryEntry(t.db, id(2), t.clock.now())).toBe(true);
    t.worker.wake();
    await t.settle();
    expect((await t.db.messages.get(id(2)))?.status).toBe('sent');

    await t.send(id(4));
    refuse = true;
    await t.db.outbox.where('clientId').equals(id(4)).modify({ state: 'failed' });
    expect(await discardEntry(t.db, id(4))).toBe(true);
    expect(await t.db.messages.get(id(4))).toBeUndefined();
    await t.worker.stop();
  });

  it('keeps the send order of a conversation across backoff', async () => {
    const t = await setup();
    let down = true;
    t.transport.on('deviceLog', () => ({ address: ME, fromSeq: 0, entries: [], hasMore: false }));
    t.transport.on('send', (v) => {
      if (down) throw new ProtocolError('unavailable', 'relay down');
      return t.receipts(v);
    });
    t.worker.start();
    for (let i = 1; i <= 5; i++) {
      await t.send(id(i));
      await t.settle();
    }
    down = false;
    t.clock.advance(60_000);
    await t.settle();
    const rows = await t.db.messages.where('conversationId').equals(CONV).toArray();
    expect(rows.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0)).map((r) => r.clientId)).toEqual(
      [1, 2, 3, 4, 5].map(id),
    );
    await t.worker.stop();
  });
});
