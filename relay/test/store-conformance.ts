// The storage conformance suite: one function, run against every RelayStore adapter
// (store-pglite.test.ts, store-postgres.test.ts), so both behave identically.
import { randomBytes } from 'node:crypto';
import { ProtocolError } from '@parley/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewEnvelope, RelayStore } from '../src/store/store';

const hex = (n: number) => randomBytes(n).toString('hex');
const addr = () => `0x${hex(20)}`;
const NOW = 1_800_000_000_000;

async function expectKind(p: Promise<unknown>, kind: string) {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProtocolError);
  expect(error instanceof ProtocolError ? error.kind : undefined).toBe(kind);
}

/** `openTimeoutMs`: PostgreSQL may first be installed with apt-get (about a minute on CI). */
export function storeConformance(name: string, open: () => Promise<RelayStore>, openTimeoutMs = 60_000) {
  describe(`RelayStore conformance: ${name}`, () => {
    let store: RelayStore;
    beforeAll(async () => {
      store = await open();
    }, openTimeoutMs);
    afterAll(async () => {
      await store.close();
    });

    async function group(owner: string, others: string[] = []) {
      return store.createConversation(
        { id: hex(16), kind: 'group', createdBy: owner, createdAt: NOW, stateHash: hex(32) },
        [{ address: owner, role: 'admin' }, ...others.map((a) => ({ address: a, role: 'member' as const }))],
        undefined,
      );
    }
    const env = (conversationId: string, body = 'AAAA'): NewEnvelope => ({
      conversationId,
      clientId: hex(16),
      body,
      copies: [],
    });

    it('consumes a nonce once, and exactly one of two parallel consumers wins', async () => {
      const a = addr();
      const nonce = hex(12);
      await store.putNonce(nonce, a, NOW + 1000);
      const results = await Promise.all([
        store.consumeNonce(nonce, a, NOW),
        store.consumeNonce(nonce, a, NOW),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await store.consumeNonce(nonce, a, NOW)).toBe(false);
    });

    it('refuses an expired nonce or one issued to another address', async () => {
      const a = addr();
      const n1 = hex(12);
      const n2 = hex(12);
      await store.putNonce(n1, a, NOW);
      await store.putNonce(n2, a, NOW + 1000);
      expect(await store.consumeNonce(n1, a, NOW)).toBe(false);
      expect(await store.consumeNonce(n2, addr(), NOW)).toBe(false);
    });

    it('finds a live session and not an expired or revoked one', async () => {
      const a = addr();
      const device = hex(16);
      const [t1, t2] = [hex(32), hex(32)];
      await store.createSession(t1, { address: a, deviceId: device, createdAt: NOW, expiresAt: NOW + 100 });
      await store.createSession(t2, { address: a, deviceId: device, createdAt: NOW, expiresAt: NOW + 100 });
      expect(await store.findSession(t1, NOW)).toEqual({
        address: a,
        deviceId: device,
        createdAt: NOW,
        expiresAt: NOW + 100,
      });
      expect(await store.findSession(t1, NOW + 100)).toBeUndefined();
      await store.revokeSession(t2, NOW);
      expect(await store.findSession(t2, NOW)).toBeUndefined();
      expect(await store.findSession(hex(32), NOW)).toBeUndefined();
      const t3 = hex(32);
      const other = hex(16);
      await store.createSession(t3, { address: a, deviceId: other, createdAt: NOW, expiresAt: NOW + 100 });
      await store.revokeDeviceSessions(a, device, NOW);
      expect(await store.findSession(t1, NOW)).toBeUndefined();
      expect(await store.findSession(t3, NOW)).toEqual(expect.objectContaining({ deviceId: other }));
    });

    it('consumes a device challenge once, only for its address and device', async () => {
      const a = addr();
      const d = hex(16);
      const c = hex(32);
      await store.putDeviceChallenge(c, a, d, NOW + 10);
      expect(await store.consumeDeviceChallenge(c, a, hex(16), NOW)).toBe(false);
      const c2 = hex(32);
      await store.putDeviceChallenge(c2, a, d, NOW + 10);
      expect(await store.consumeDeviceChallenge(c2, a, d, NOW)).toBe(true);
      expect(await store.consumeDeviceChallenge(c2, a, d, NOW)).toBe(false);
    });

    it('appends a device log only at its head, and one of two racing appends wins', async () => {
      const a = addr();
      const d = { deviceId: hex(16), signingKey: hex(32), active: true };
      await store.appendDeviceLog(a, 0, ['e0'], [d]);
      await expectKind(store.appendDeviceLog(a, 0, ['x'], []), 'conflict');
      const race = await Promise.allSettled([
        store.appendDeviceLog(a, 1, ['e1'], []),
        store.appendDeviceLog(a, 1, ['f1'], []),
      ]);
      expect(race.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const log = await store.getDeviceLog(a);
      expect(log).toHaveLength(2);
      expect(log[0]).toBe('e0');
      expect(await store.getDevice(a, d.deviceId)).toEqual(d);
      await store.appendDeviceLog(a, 2, ['e2'], [{ ...d, active: false }]);
      expect((await store.getDevice(a, d.deviceId))?.active).toBe(false);
    });

    it('hands out each one-time prekey once, even to parallel claimers', async () => {
      const a = addr();
      const d = hex(16);
      expect(await store.claimPrekeyBundle(a, d)).toBeUndefined();
      const keys = Array.from({ length: 5 }, (_, i) => ({ keyId: `k${i}`, publicKey: hex(32) }));
      await store.putPrekeys(a, d, 'signed-1', keys);
      const claims = await Promise.all(Array.from({ length: 7 }, () => store.claimPrekeyBundle(a, d)));
      const ids = claims.map((c) => c?.oneTimePrekey?.keyId).filter((k) => k !== undefined);
      expect(new Set(ids).size).toBe(5);
      expect(ids).toHaveLength(5);
      expect(claims.every((c) => c?.signedPrekey === 'signed-1')).toBe(true);
      // Re-publishing a claimed key id does not bring it back.
      await store.putPrekeys(a, d, undefined, [keys[0] ?? { keyId: 'k0', publicKey: '' }]);
      expect((await store.claimPrekeyBundle(a, d))?.oneTimePrekey?.keyId).toBe('k0');
    });

    it('creates conversations, returns an existing DM, and pages members and lists', async () => {
      const a = addr();
      const b = addr();
      const dmKey = [a, b].sort().join(':');
      const dm1 = await store.createConversation(
        { id: hex(16), kind: 'dm', createdBy: a, createdAt: NOW, stateHash: hex(32) },
        [
          { address: a, role: 'member' },
          { address: b, role: 'member' },
        ],
        dmKey,
      );
      const dm2 = await store.createConversation(
        { id: hex(16), kind: 'dm', createdBy: b, createdAt: NOW, stateHash: hex(32) },
        [
          { address: a, role: 'member' },
          { address: b, role: 'member' },
        ],
        dmKey,
      );
      expect(dm2.id).toBe(dm1.id);
      const others = Array.from({ length: 5 }, addr);
      const g = await group(a, others);
      const p1 = await store.listMembers(g.id, undefined, 4);
      expect(p1.items).toHaveLength(4);
      expect(p1.hasMore).toBe(true);
      const p2 = await store.listMembers(g.id, p1.items.at(-1)?.address, 4);
      expect(p2.hasMore).toBe(false);
      expect([...p1.items, ...p2.items].map((m) => m.address).sort()).toEqual([a, ...others].sort());
      const mine = await store.listConversations(a, undefined, 1);
      expect(mine.hasMore).toBe(true);
      const rest = await store.listConversations(a, mine.items[0]?.id, 10);
      expect([...mine.items, ...rest.items].map((c) => c.id).sort()).toEqual([dm1.id, g.id].sort());
      expect((await store.getMember(g.id, a))?.role).toBe('admin');
      expect(await store.getMember(g.id, addr())).toBeUndefined();
    });

    it('applies controls in order and refuses one on a stale state hash', async () => {
      const a = addr();
      const b = addr();
      const g = await group(a);
      const deviceB = hex(16);
      const h1 = hex(32);
      const c0 = await store.applyControl({
        conversationId: g.id,
        prevStateHash: g.stateHash,
        newStateHash: h1,
        control: '{"action":"add"}',
        change: { add: [{ address: b, role: 'member' }], remove: [], setRole: [] },
        wraps: [{ recipientDevice: deviceB, body: 'd3JhcA' }],
        serverTime: NOW,
      });
      expect(c0.index).toBe(0);
      expect((await store.getMember(g.id, b))?.role).toBe('member');
      const stale = store.applyControl({
        conversationId: g.id,
        prevStateHash: g.stateHash,
        newStateHash: hex(32),
        control: '{}',
        change: { add: [], remove: [b], setRole: [] },
        wraps: [],
        serverTime: NOW,
      });
      await expectKind(stale, 'conflict');
      await store.applyControl({
        conversationId: g.id,
        prevStateHash: h1,
        newStateHash: hex(32),
        control: '{"action":"promote"}',
        change: { add: [], remove: [], setRole: [{ address: b, role: 'admin' }] },
        wraps: [],
        serverTime: NOW,
      });
      expect((await store.getMember(g.id, b))?.role).toBe('admin');
      const forB = await store.listControls(g.id, deviceB, 0, 10);
      expect(forB.items.map((c) => [c.index, c.wrap])).toEqual([
        [0, 'd3JhcA'],
        [1, undefined],
      ]);
      expect((await store.listControls(g.id, hex(16), 0, 10)).items[0]?.wrap).toBeUndefined();
      expect((await store.getConversation(g.id))?.controlCount).toBe(2);
    });

    it('stores an envelope sent twice with one client id once, and returns the same receipt', async () => {
      const a = addr();
      const g = await group(a);
      const e = env(g.id);
      const first = await store.appendEnvelopes(a, hex(16), [e], NOW);
      const again = await store.appendEnvelopes(a, hex(16), [e, e], NOW + 5);
      expect(again.stored).toHaveLength(0);
      expect(again.receipts.map((r) => [r.seq, r.serverTime, r.duplicate])).toEqual([
        [1, NOW, true],
        [1, NOW, true],
      ]);
      expect(first.receipts[0]?.duplicate).toBe(false);
      const h = await store.history(g.id, hex(16), 0, 10);
      expect(h.items).toHaveLength(1);
    });

    it('allocates a gapless seq under 20 concurrent senders', async () => {
      const owner = addr();
      const senders = Array.from({ length: 20 }, addr);
      const g = await group(owner, senders);
      const results = await Promise.all(
        senders.map((s) => store.appendEnvelopes(s, hex(16), [env(g.id), env(g.id)], NOW)),
      );
      const seqs = results.flatMap((r) => r.receipts.map((x) => x.seq)).sort((x, y) => x - y);
      expect(seqs).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
      expect((await store.getConversation(g.id))?.lastSeq).toBe(40);
    });

    it('refuses a send from a non-member and stores nothing of the batch', async () => {
      const a = addr();
      const g1 = await group(a);
      const g2 = await group(addr());
      await expectKind(store.appendEnvelopes(a, hex(16), [env(g1.id), env(g2.id)], NOW), 'forbidden');
      expect((await store.history(g1.id, hex(16), 0, 10)).items).toHaveLength(0);
    });

    it('batches concurrent sends: a refused one writes nothing, the others keep gapless seq', async () => {
      const a = addr();
      const outsider = addr();
      const g = await group(a);
      const dup = env(g.id);
      // Started together, so they share transactions (group commit), in this order.
      const [ok1, refused, first, again, ok2] = await Promise.allSettled([
        store.appendEnvelopes(a, hex(16), [env(g.id)], NOW),
        store.appendEnvelopes(outsider, hex(16), [env(g.id)], NOW),
        store.appendEnvelopes(a, hex(16), [dup], NOW + 1),
        store.appendEnvelopes(a, hex(16), [dup], NOW + 2),
        store.appendEnvelopes(a, hex(16), [env(g.id), env(g.id)], NOW),
      ]);
      expect(refused.status).toBe('rejected');
      expect(
        refused.status === 'rejected' && refused.reason instanceof ProtocolError && refused.reason.kind,
      ).toBe('forbidden');
      const receipts = [ok1, first, again, ok2].flatMap((r) =>
        r.status === 'fulfilled' ? r.value.receipts : [],
      );
      expect(receipts.map((r) => [r.seq, r.duplicate])).toEqual([
        [1, false],
        [2, false],
        [2, true],
        [3, false],
        [4, false],
      ]);
      expect(receipts[2]?.serverTime).toBe(NOW + 1);
      const h = await store.history(g.id, hex(16), 0, 10);
      expect(h.items.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
      expect(h.items.map((e) => e.senderAddress)).toEqual([a, a, a, a]);
      const positions = h.items.map((e) => e.position);
      expect(positions).toEqual([...positions].sort((x, y) => x - y));
    });

    it('serves each device only its own copy, and pages history by seq', async () => {
      const a = addr();
      const g = await group(a);
      const [d1, d2, d3] = [hex(16), hex(16), hex(16)];
      await store.appendEnvelopes(
        a,
        hex(16),
        [
          {
            conversationId: g.id,
            clientId: hex(16),
            body: undefined,
            copies: [
              { recipientDevice: d1, body: 'b25l' },
              { recipientDevice: d2, body: 'dHdv' },
            ],
          },
          env(g.id, 'c2hhcmVk'),
          env(g.id, 'bW9yZQ'),
        ],
        NOW,
      );
      expect((await store.history(g.id, d1, 0, 10)).items.map((e) => e.body)).toEqual([
        'b25l',
        'c2hhcmVk',
        'bW9yZQ',
      ]);
      expect((await store.history(g.id, d2, 0, 1)).items.map((e) => e.body)).toEqual(['dHdv']);
      const d3page = await store.history(g.id, d3, 0, 2);
      expect(d3page.items.map((e) => [e.seq, e.body])).toEqual([
        [1, undefined],
        [2, 'c2hhcmVk'],
      ]);
      expect(d3page.hasMore).toBe(true);
      expect((await store.history(g.id, d3, 2, 2)).items.map((e) => e.seq)).toEqual([3]);
    });

    it('catches up across my conversations in pages, in commit order', async () => {
      const a = addr();
      const g1 = await group(a);
      const g2 = await group(addr(), [a]);
      const g3 = await group(addr());
      const dev = hex(16);
      await store.appendEnvelopes(a, dev, [env(g1.id), env(g2.id)], NOW);
      const other = (await store.listMembers(g3.id, undefined, 1)).items[0]?.address ?? '';
      await store.appendEnvelopes(other, dev, [env(g3.id)], NOW);
      await store.appendEnvelopes(a, dev, [env(g1.id)], NOW);
      const p1 = await store.catchUp(a, dev, 0, 2);
      expect(p1.items.map((e) => [e.conversationId, e.seq])).toEqual([
        [g1.id, 1],
        [g2.id, 1],
      ]);
      expect(p1.hasMore).toBe(true);
      const p2 = await store.catchUp(a, dev, p1.items.at(-1)?.position ?? 0, 2);
      expect(p2.items.map((e) => [e.conversationId, e.seq])).toEqual([[g1.id, 2]]);
      expect(p2.hasMore).toBe(false);
      const positions = [...p1.items, ...p2.items].map((e) => e.position);
      expect([...positions].sort((x, y) => x - y)).toEqual(positions);
    });

    it('reads envelopes back for cluster fan-out by position, with every copy', async () => {
      const a = addr();
      const g = await group(a);
      const dev = hex(16);
      const [d1, d2] = [hex(16), hex(16)].sort();
      const copies = [
        { recipientDevice: d1 ?? '', body: 'b25l' },
        { recipientDevice: d2 ?? '', body: 'dHdv' },
      ];
      const first = await store.appendEnvelopes(a, dev, [env(g.id, 'c2hhcmVk')], NOW);
      const second = await store.appendEnvelopes(
        a,
        dev,
        [{ conversationId: g.id, clientId: hex(16), body: undefined, copies }, env(g.id)],
        NOW,
      );
      const stored = [...first.stored, ...second.stored];
      const last = stored.at(-1)?.position ?? 0;
      expect(await store.lastPosition()).toBeGreaterThanOrEqual(last);
      const positions = stored.map((e) => e.position);
      // Any order in, position order out; an unknown position is simply absent.
      const read = await store.envelopesAt([...positions].reverse().concat([last + 1_000_000]));
      expect(read).toEqual(stored);
      expect(await store.envelopesAt([])).toEqual([]);
      const from = (positions[0] ?? 1) - 1;
      const page = await store.envelopeRefsAfter(from, 2);
      expect(page.items).toEqual(
        stored.slice(0, 2).map((e) => ({ conversationId: g.id, seq: e.seq, position: e.position })),
      );
      expect(page.hasMore).toBe(true);
    });

    it('reads a control back with all its wraps for cluster fan-out', async () => {
      const a = addr();
      const g = await group(a);
      const wraps = [hex(16), hex(16)].sort().map((recipientDevice) => ({ recipientDevice, body: 'd3JhcA' }));
      const h1 = hex(32);
      await store.applyControl({
        conversationId: g.id,
        prevStateHash: g.stateHash,
        newStateHash: h1,
        control: '{"action":"rotate"}',
        change: { add: [], remove: [], setRole: [] },
        wraps,
        serverTime: NOW,
      });
      expect(await store.controlAt(g.id, 0)).toEqual({
        conversationId: g.id,
        index: 0,
        control: '{"action":"rotate"}',
        stateHash: h1,
        wraps,
      });
      expect(await store.controlAt(g.id, 1)).toBeUndefined();
    });

    it('stores blobs by id and returns the same bytes', async () => {
      const data = new Uint8Array(randomBytes(3000));
      const id = hex(32);
      await store.putBlob(id, data, addr(), NOW);
      await store.putBlob(id, data, addr(), NOW);
      expect(await store.getBlob(id)).toEqual(data);
      expect(await store.getBlob(hex(32))).toBeUndefined();
    });
  });
}
