// Envelopes against a real relay: idempotent sends, gapless seq, per-device copies, history and
// catch-up paging, membership on every read, send and subscribe, and the live events stream.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, kindOf, op, subscribeEvents, wsClient } from './helpers/client';
import { type Conv, control, createGroup } from './helpers/groups';
import { type Harness, startRelay } from './helpers/harness';
import { type Identity, newIdentity, publishLog, signIn } from './helpers/identity';

let h: Harness;
beforeAll(async () => {
  h = await startRelay();
});
afterAll(async () => {
  await h.close();
});

const id16 = () => randomBytes(16).toString('hex');
const body = () => randomBytes(24).toString('base64url');
type Receipt = { seq: number; serverTime: number; duplicate: boolean; clientId: string };
type Env = {
  seq: number;
  body: string;
  recipientDevice: string | null;
  senderAddress: string;
  clientId: string;
};

async function send(who: Identity, envelopes: unknown[]) {
  return (await gql<{ send: Receipt[] }>(h.url, op.send, { envelopes }, who.token)).send;
}

async function groupWith(admin: Identity, members: Identity[]): Promise<Conv> {
  await publishLog(h.url, admin);
  const g = await createGroup(h.url, admin);
  if (members.length > 0)
    await control(
      h.url,
      admin,
      g,
      'add',
      members.map((m) => m.address),
    );
  return g;
}

describe('send', () => {
  it('stores an envelope sent twice with one client id once, with the original receipt', async () => {
    const a = await newIdentity(h.url);
    const g = await groupWith(a, []);
    const e = { conversationId: g.id, clientId: id16(), body: body() };
    const [first] = await send(a, [e]);
    const [again] = await send(a, [e]);
    expect(first?.duplicate).toBe(false);
    expect(again).toEqual({ ...first, duplicate: true });
    type H = { history: { items: Env[] } };
    const hist = await gql<H>(h.url, op.history, { conversationId: g.id }, a.token);
    expect(hist.history.items.map((x) => x.clientId)).toEqual([e.clientId]);
  });

  it('assigns a gapless seq under 20 concurrent senders', async () => {
    const admin = await newIdentity(h.url);
    const senders = await Promise.all(Array.from({ length: 20 }, () => newIdentity(h.url)));
    const g = await groupWith(admin, senders);
    const receipts = await Promise.all(
      senders.map((s) => send(s, [{ conversationId: g.id, clientId: id16(), body: body() }])),
    );
    const seqs = receipts
      .flat()
      .map((r) => r.seq)
      .sort((x, y) => x - y);
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('refuses oversized and malformed batches with their kinds', async () => {
    const a = await newIdentity(h.url);
    const g = await groupWith(a, []);
    const big = randomBytes(40 * 1024 + 1).toString('base64url');
    expect(await kindOf(send(a, [{ conversationId: g.id, clientId: id16(), body: big }]))).toBe('too_large');
    const half = randomBytes(21 * 1024).toString('base64url');
    const twoHalves = [half, half].map((b) => ({ conversationId: g.id, clientId: id16(), body: b }));
    expect(await kindOf(send(a, twoHalves))).toBe('too_large');
    const many = Array.from({ length: 33 }, () => ({ conversationId: g.id, clientId: id16(), body: 'AA' }));
    expect(await kindOf(send(a, many))).toBe('too_large');
    expect(await kindOf(send(a, [{ conversationId: 'zz', clientId: id16(), body: 'AA' }]))).toBe(
      'bad_request',
    );
    const cid = id16();
    const mixed = [
      { conversationId: g.id, clientId: cid, body: 'AA' },
      { conversationId: g.id, clientId: cid, body: 'AQ', recipientDevice: id16() },
    ];
    expect(await kindOf(send(a, mixed))).toBe('bad_request');
  });
});

describe('per-device copies and reads', () => {
  it('serves each device only its own copy, under one seq', async () => {
    const alice = await newIdentity(h.url);
    const bob = await newIdentity(h.url);
    const bobPhone = await signIn(h.url, bob.wallet, id16());
    const dm = await gql<{ createDm: { id: string } }>(
      h.url,
      op.createDm,
      { peer: bob.address },
      alice.token,
    );
    const cid = id16();
    const me = (await gql<{ me: { deviceId: string } }>(h.url, op.me, {}, bobPhone)).me.deviceId;
    const [receipt] = await send(alice, [
      {
        conversationId: dm.createDm.id,
        clientId: cid,
        body: 'Zm9yTGFwdG9w',
        recipientDevice: bob.device.deviceId,
      },
      { conversationId: dm.createDm.id, clientId: cid, body: 'Zm9yUGhvbmU', recipientDevice: me },
    ]);
    expect(receipt?.seq).toBe(1);
    type H = { history: { items: Env[]; throughSeq: number } };
    const laptop = await gql<H>(h.url, op.history, { conversationId: dm.createDm.id }, bob.token);
    const phone = await gql<H>(h.url, op.history, { conversationId: dm.createDm.id }, bobPhone);
    expect(laptop.history.items.map((e) => [e.seq, e.body, e.recipientDevice])).toEqual([
      [1, 'Zm9yTGFwdG9w', bob.device.deviceId],
    ]);
    expect(phone.history.items.map((e) => [e.seq, e.body])).toEqual([[1, 'Zm9yUGhvbmU']]);
    // Alice's own device has no copy: it sees nothing, but the page says seq 1 was covered.
    const own = await gql<H>(h.url, op.history, { conversationId: dm.createDm.id }, alice.token);
    expect(own.history.items).toEqual([]);
    expect(own.history.throughSeq).toBe(1);
  });

  it('pages history by seq and catches up across my conversations by cursor', async () => {
    const a = await newIdentity(h.url);
    const g1 = await groupWith(a, []);
    const g2 = await createGroup(h.url, a);
    for (const conv of [g1, g2, g1])
      await send(a, [{ conversationId: conv.id, clientId: id16(), body: body() }]);
    type H = { history: { items: Env[]; hasMore: boolean } };
    const p1 = await gql<H>(h.url, op.history, { conversationId: g1.id, first: 1 }, a.token);
    const p2 = await gql<H>(h.url, op.history, { conversationId: g1.id, afterSeq: 1, first: 1 }, a.token);
    expect([
      p1.history.items[0]?.seq,
      p1.history.hasMore,
      p2.history.items[0]?.seq,
      p2.history.hasMore,
    ]).toEqual([1, true, 2, false]);
    type C = {
      catchUp: { items: Array<Env & { conversationId: string }>; hasMore: boolean; cursor: string };
    };
    const c1 = await gql<C>(h.url, op.catchUp, { first: 2 }, a.token);
    const c2 = await gql<C>(h.url, op.catchUp, { first: 2, cursor: c1.catchUp.cursor }, a.token);
    const seen = [...c1.catchUp.items, ...c2.catchUp.items].map((e) => [e.conversationId, e.seq]);
    expect(seen).toEqual([
      [g1.id, 1],
      [g2.id, 1],
      [g1.id, 2],
    ]);
    expect([c1.catchUp.hasMore, c2.catchUp.hasMore]).toEqual([true, false]);
  });

  it('lets a non-member neither read, send nor subscribe', async () => {
    const a = await newIdentity(h.url);
    const g = await groupWith(a, []);
    const outsider = await newIdentity(h.url);
    const client = wsClient(h.wsUrl, outsider.token);
    const sub = subscribeEvents(client);
    try {
      expect(await kindOf(gql(h.url, op.history, { conversationId: g.id }, outsider.token))).toBe(
        'forbidden',
      );
      expect(await kindOf(gql(h.url, op.conversation, { id: g.id }, outsider.token))).toBe('forbidden');
      expect(await kindOf(gql(h.url, op.members, { conversationId: g.id }, outsider.token))).toBe(
        'forbidden',
      );
      expect(await kindOf(gql(h.url, op.groupControls, { conversationId: g.id }, outsider.token))).toBe(
        'forbidden',
      );
      expect(await kindOf(send(outsider, [{ conversationId: g.id, clientId: id16(), body: body() }]))).toBe(
        'forbidden',
      );
      const signal = gql(
        h.url,
        op.signal,
        { conversationId: g.id, kind: 'typing', active: true },
        outsider.token,
      );
      expect(await kindOf(signal)).toBe('forbidden');
      // A member's subscription proves the envelope was published; the outsider's got nothing.
      const member = subscribeEvents(wsClient(h.wsUrl, (await newIdentity(h.url)).token));
      member.dispose();
      const insider = wsClient(h.wsUrl, await signIn(h.url, a.wallet, id16()));
      const inSub = subscribeEvents(insider);
      await new Promise((r) => setTimeout(r, 300));
      await send(a, [{ conversationId: g.id, clientId: id16(), body: body() }]);
      await inSub.until(() => inSub.events.length > 0);
      const catchUp = await gql<{ catchUp: { items: unknown[] } }>(h.url, op.catchUp, {}, outsider.token);
      expect(catchUp.catchUp.items).toEqual([]);
      expect(sub.events).toEqual([]);
      await insider.dispose();
    } finally {
      await client.dispose();
    }
  });
});

describe('events subscription', () => {
  it('carries envelopes (own copy only), key wraps, membership changes and signals', async () => {
    const admin = await newIdentity(h.url);
    await publishLog(h.url, admin);
    const bob = await newIdentity(h.url);
    const client = wsClient(h.wsUrl, bob.token);
    const sub = subscribeEvents(client);
    try {
      await new Promise((r) => setTimeout(r, 300));
      const g = await createGroup(h.url, admin);
      await control(
        h.url,
        admin,
        g,
        'add',
        [bob.address],
        [{ recipientDevice: bob.device.deviceId, body: 'd3JhcA' }],
      );
      await sub.until(() => sub.events.some((e) => e.__typename === 'KeyWrapEvent'));
      const cid = id16();
      await send(admin, [
        { conversationId: g.id, clientId: cid, body: 'bm90Rm9yQm9i', recipientDevice: id16() },
        { conversationId: g.id, clientId: cid, body: 'Zm9yQm9i', recipientDevice: bob.device.deviceId },
      ]);
      await send(admin, [{ conversationId: g.id, clientId: id16(), body: 'c2hhcmVk' }]);
      await gql(h.url, op.signal, { conversationId: g.id, kind: 'typing', active: true }, admin.token);
      await sub.until(() => sub.events.some((e) => e.__typename === 'SignalEvent'));
      const kinds = sub.events.map((e) => e.__typename);
      expect(kinds).toEqual([
        'MembershipEvent',
        'KeyWrapEvent',
        'EnvelopeEvent',
        'EnvelopeEvent',
        'SignalEvent',
      ]);
      const bodies = sub.events.flatMap((e) => {
        const env = e.envelope;
        return typeof env === 'object' && env !== null && 'body' in env ? [env.body] : [];
      });
      expect(bodies).toEqual(['Zm9yQm9i', 'c2hhcmVk']);
      expect(sub.events[1]).toEqual(expect.objectContaining({ body: 'd3JhcA', conversationId: g.id }));
    } finally {
      await client.dispose();
    }
  });
});

/** The close code of a graphql-ws close event, or undefined. */
function closeCodeOf(e: unknown): number | undefined {
  return typeof e === 'object' && e !== null && 'code' in e && typeof e.code === 'number'
    ? e.code
    : undefined;
}

describe('operations over the WebSocket', () => {
  it('runs queries and mutations on the socket, and stops when the session is revoked', async () => {
    const a = await newIdentity(h.url);
    const g = await groupWith(a, []);
    const client = wsClient(h.wsUrl, a.token);
    const run = (query: string, variables: Record<string, unknown> = {}) =>
      new Promise<{ data?: unknown; errors?: unknown }>((resolve, reject) => {
        let result: { data?: unknown; errors?: unknown } = {};
        client.subscribe(
          { query, variables },
          {
            next: (r) => {
              result = r;
            },
            error: reject,
            complete: () => resolve(result),
          },
        );
      });
    // An open subscription keeps the (lazy) socket connected, so every run uses one connection.
    const live = subscribeEvents(client);
    try {
      const sent = await run(op.send, {
        envelopes: [{ conversationId: g.id, clientId: id16(), body: body() }],
      });
      expect(JSON.stringify(sent.data)).toContain('"seq":1');
      const me = await run(op.me);
      expect(JSON.stringify(me.data)).toContain(a.address);
      await gql(h.url, op.signOut, {}, a.token);
      const after = await run(op.me).catch((e: unknown) => ({ errors: e }));
      // Signing out closed this session's socket with 4401, ending the live stream with it; a
      // reconnect with the revoked token is refused the same way.
      await live.until(() => live.errors.length > 0);
      expect(closeCodeOf(live.errors[0])).toBe(4401);
      expect(closeCodeOf(after.errors)).toBe(4401);
    } finally {
      live.dispose();
      await client.dispose();
    }
  });
});
