import { createSuite, systemRandom } from '@parley/crypto';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../test/support/manual-clock';
import { ScriptedTransport } from '../../test/support/scripted-transport';
import { ConversationDirectory } from '../conversations/directory';
import { CryptoState } from '../crypto-state/crypto-state';
import { decodeBase64url, encodeBase64url, encodeContent, ProtocolError } from '../deps/protocol';
import type { ConnectionState, EngineEvents } from '../engine-api';
import { Emitter } from '../events/emitter';
import { silentLogger } from '../ports/logger';
import { ParleyDatabase } from '../store/database';
import { unwrappedKeyStore } from '../store/key-wrap';
import { RelayApi } from '../transport/relay-api';
import { backoffDelay } from './backoff';
import { SyncLoop } from './sync-loop';

const CONV = 'c0'.repeat(16);
const PEER = `0x${'22'.repeat(20)}`;
const ME = `0x${'11'.repeat(20)}`;
const id = (n: number) => n.toString(16).padStart(32, '0');

/** A stand-in envelope: the body is the content itself (the opener below just decodes it). */
function envelope(seq: number) {
  const content = {
    type: 'text',
    v: 1,
    sentAt: seq,
    deviceLogHead: { seq: 0, hash: '00'.repeat(32) },
    body: `m${seq}`,
  } as const;
  return {
    conversationId: CONV,
    clientId: id(seq),
    body: encodeBase64url(encodeContent(content)),
    recipientDevice: null,
    seq,
    senderAddress: PEER,
    senderDevice: 'bb'.repeat(16),
    serverTime: seq,
  };
}

async function setup(unit = 0.5) {
  const db = new ParleyDatabase(`sync-${Math.random()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  await db.conversations.put({
    id: CONV,
    kind: 'dm',
    peer: PEER,
    lastMessageAt: 0,
    unreadCount: 0,
    appliedSeq: 0,
    readSeq: 0,
  });
  const clock = new ManualClock(1_000_000);
  const transport = new ScriptedTransport();
  const api = new RelayApi(transport);
  const suite = await createSuite({ random: systemRandom });
  const device = {
    deviceId: 'aa'.repeat(16),
    signing: { privateKey: new Uint8Array(32), publicKey: new Uint8Array(32) },
    agreement: { privateKey: new Uint8Array(32), publicKey: new Uint8Array(32) },
  };
  const crypto = new CryptoState(db, unwrappedKeyStore, suite, device, () => clock.now());
  const events = new Emitter<EngineEvents>();
  const states: ConnectionState[] = [];
  events.on('connection', (s) => states.push(s));
  const loop = new SyncLoop({
    api,
    apply: {
      db,
      crypto,
      opener: { open: async (_ws, _c, _e, body) => body },
      directory: new ConversationDirectory(db, api, ME),
      me: { address: ME, deviceId: device.deviceId },
      logger: silentLogger,
    },
    hooks: {
      afterApply: () => undefined,
      onGroupEvent: async () => undefined,
      onCreated: async () => undefined,
      onSignal: () => undefined,
      onLive: () => undefined,
      renewSession: async () => undefined,
      newRound: () => undefined,
    },
    events,
    clock,
    unit: () => unit,
    logger: silentLogger,
  });
  const bodies = async () =>
    (await db.messages.where('[conversationId+seq]').between([CONV, 0], [CONV, 1e9]).toArray()).map(
      (m) => m.seq,
    );
  const flush = async () => {
    for (let i = 0; i < 10; i++) {
      await loop.settled();
      await new Promise((r) => setTimeout(r, 0));
    }
  };
  return { db, clock, transport, loop, states, bodies, flush };
}

describe('sync loop', () => {
  it('subscribes first, catches up, then applies the buffered events once each', async () => {
    const t = await setup();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    t.transport.on('catchUp', async () => {
      await gate;
      return { items: [envelope(1), envelope(2)], hasMore: false, cursor: '2' };
    });
    t.loop.start();
    // An event arrives while the catch-up is still running: seq 2 is also in the page.
    const sink = t.transport.sinks[0];
    sink?.next({ events: { __typename: 'EnvelopeEvent', envelope: envelope(2) } });
    sink?.next({ events: { __typename: 'EnvelopeEvent', envelope: envelope(3) } });
    await new Promise((r) => setTimeout(r, 20));
    expect(t.transport.calls.map((c) => c.operation)).toEqual(['events', 'catchUp']);
    expect(await t.bodies()).toEqual([]);
    release();
    await t.flush();
    expect(await t.bodies()).toEqual([1, 2, 3]);
    expect(t.states.at(-1)).toEqual({ state: 'online' });
    expect((await t.db.sync.get('cursor'))?.value).toBe('2');
    expect(new TextDecoder().decode(decodeBase64url(envelope(1).body, 1e5))).toContain('"m1"');
    await t.loop.stop();
  });

  it('reconnects with exponential backoff and full jitter while the relay stays down', async () => {
    const unit = 0.75;
    const t = await setup(unit);
    let down = 4;
    t.transport.on('catchUp', () => {
      if (down-- > 0) throw new ProtocolError('unavailable', 'relay down');
      return { items: [], hasMore: false, cursor: '0' };
    });
    t.loop.start();
    await t.flush();
    for (let attempt = 1; attempt <= 4; attempt++) {
      const delay = backoffDelay(attempt, unit);
      expect(t.states.at(-1)).toEqual({ state: 'reconnecting', attempt, retryInMs: delay });
      const subscriptions = t.transport.sinks.length;
      t.clock.advance(delay - 1);
      expect(t.transport.sinks.length).toBe(subscriptions);
      t.clock.advance(1);
      expect(t.transport.sinks.length).toBe(subscriptions + 1);
      await t.flush();
    }
    expect(t.states.at(-1)).toEqual({ state: 'online' });
    // Each failed attempt released its subscription: only the live one is open.
    expect(t.transport.openOperations).toBe(1);
    await t.loop.stop();
    expect(t.transport.openOperations).toBe(0);
  });

  it('fetches a gap in seq from history', async () => {
    const t = await setup();
    t.transport.on('catchUp', () => ({ items: [envelope(1)], hasMore: false, cursor: '1' }));
    t.transport.on('history', (v) => {
      expect(v.afterSeq).toBe(1);
      return { items: [envelope(2)], hasMore: false, throughSeq: 3 };
    });
    t.loop.start();
    await t.flush();
    t.transport.sinks[0]?.next({ events: { __typename: 'EnvelopeEvent', envelope: envelope(4) } });
    await t.flush();
    expect(await t.bodies()).toEqual([1, 4]);
    t.clock.advance(1_000);
    await t.flush();
    expect(await t.bodies()).toEqual([1, 2, 4]);
    const row = await t.db.conversations.get(CONV);
    expect(row).toMatchObject({ appliedSeq: 4, aheadSeqs: [] });
    await t.loop.stop();
  });
});
