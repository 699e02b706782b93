// Cluster mode (docs/operations.md): two relays in this process on one real PostgreSQL and one
// real Redis, wired as main.ts wires them. People signed in on different relays talk in real
// time, seq stays gapless under concurrent senders on both, and controls, key wraps, signals and
// sign-outs cross relays too.
import { randomBytes } from 'node:crypto';
import { PROTOCOL_VERSION } from '@parley/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, op, subscribeEvents, wsClient } from './helpers/client';
import {
  type ClusterServices,
  SERVICES_TIMEOUT_MS,
  startClusterRelay,
  startServices,
} from './helpers/cluster';
import { control, createGroup } from './helpers/groups';
import type { Harness } from './helpers/harness';
import { type Identity, newIdentity, publishLog } from './helpers/identity';
import { Receiver } from './helpers/receiver';

let svc: ClusterServices | undefined;
let a: Harness;
let b: Harness;
beforeAll(async () => {
  svc = await startServices();
  a = await startClusterRelay(svc);
  b = await startClusterRelay(svc);
}, SERVICES_TIMEOUT_MS);
afterAll(async () => {
  await a?.close();
  await b?.close();
  svc?.stop();
});

const id16 = () => randomBytes(16).toString('hex');
const body = () => randomBytes(40).toString('base64url');
type Receipt = { clientId: string; seq: number; duplicate: boolean };

/** Signals until every receiver has seen one live: their subscriptions have joined the topic. */
async function waitLive(url: string, poker: Identity, conversationId: string, receivers: Receiver[]) {
  const seen = () => receivers.every((r) => r.liveEvents().some((e) => e.__typename === 'SignalEvent'));
  for (let i = 0; i < 100 && !seen(); i++) {
    await gql(url, op.signal, { conversationId, kind: 'typing', active: true }, poker.token);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(receivers.map((r) => [r.label, seen()])).toEqual(receivers.map((r) => [r.label, true]));
}

describe('two relays on PostgreSQL and Redis', () => {
  it('delivers across relays in real time, with gapless seq under concurrent senders on both', async () => {
    const admin = await newIdentity(a.url);
    await publishLog(a.url, admin);
    const members = [admin, await newIdentity(a.url), await newIdentity(b.url), await newIdentity(b.url)];
    const home = (i: number) => (i < 2 ? a : b);
    const prober = await newIdentity(b.url);
    const g = await createGroup(a.url, admin);
    // Signed in on A, the admin's session works on B: sessions live in the shared database.
    await control(
      b.url,
      admin,
      g,
      'add',
      [...members.slice(1), prober].map((m) => m.address),
    );
    const receivers = members.map((m, i) => new Receiver(m.token, `member ${i} on ${i < 2 ? 'A' : 'B'}`));
    await Promise.all(receivers.map((r, i) => r.subscribe(home(i).wsUrl)));
    try {
      await waitLive(b.url, prober, g.id, receivers);

      // What each member must receive: key -> [clientId, body of its own copy or the shared body].
      const expected = members.map(() => new Map<string, [string, string]>());
      const seqs: number[] = [];
      await Promise.all(
        members.map(async (m, i) => {
          for (let k = 0; k < 8; k++) {
            const shared = [0, 1].map(() => ({ conversationId: g.id, clientId: id16(), body: body() }));
            const copyId = id16();
            const copies = members
              .filter((x) => x !== m)
              .map((x) => ({
                conversationId: g.id,
                clientId: copyId,
                recipientDevice: x.device.deviceId,
                body: body(),
              }));
            const r = await gql<{ send: Receipt[] }>(
              home(i).url,
              op.send,
              { envelopes: [...shared, ...copies] },
              m.token,
            );
            for (const receipt of r.send) {
              seqs.push(receipt.seq);
              members.forEach((x, j) => {
                if (x === m) return;
                const mine =
                  receipt.clientId === copyId
                    ? copies.find((c) => c.recipientDevice === x.device.deviceId)?.body
                    : shared.find((s) => s.clientId === receipt.clientId)?.body;
                expected[j]?.set(`${g.id}:${receipt.seq}`, [receipt.clientId, mine ?? '']);
              });
            }
          }
        }),
      );
      expect([...seqs].sort((x, y) => x - y)).toEqual(Array.from({ length: 96 }, (_, i) => i + 1));

      // Live only (no catch-up): every envelope from the other three, once, with its own copy.
      for (const [j, r] of receivers.entries()) {
        const want = expected[j] ?? new Map();
        expect(want.size).toBe(72);
        await r.until(() => r.received.size >= want.size);
        const got = new Map([...r.received].map(([k, v]) => [k, [v.clientId, v.body]]));
        expect(got).toEqual(want);
        expect([...r.received.values()].every((v) => v.via === 'live')).toBe(true);
        expect([r.liveDuplicates, r.conflicts]).toEqual([0, 0]);
      }
      const health = await (await fetch(`${b.url}/healthz`)).json();
      expect(health).toEqual({
        ok: true,
        protocolVersion: PROTOCOL_VERSION,
        pubsub: 'redis',
        degraded: false,
      });
    } finally {
      await Promise.all(receivers.map((r) => r.unsubscribe()));
    }
  }, 120_000);

  it('carries controls with each device its own key wrap, and sign-outs, across relays', async () => {
    const admin = await newIdentity(a.url);
    await publishLog(a.url, admin);
    const bob = await newIdentity(b.url);
    const g = await createGroup(a.url, admin);
    await control(a.url, admin, g, 'add', [bob.address]);
    const client = wsClient(b.wsUrl, bob.token);
    const live = subscribeEvents(client);
    try {
      const poke = async () => {
        for (let i = 0; i < 100 && live.events.length === 0; i++) {
          await gql(a.url, op.signal, { conversationId: g.id, kind: 'presence', active: true }, admin.token);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      };
      await poke();
      expect(live.events[0]).toMatchObject({ __typename: 'SignalEvent', fromAddress: admin.address });
      const wrap = randomBytes(48).toString('base64url');
      const wraps = [
        { recipientDevice: bob.device.deviceId, body: wrap },
        { recipientDevice: id16(), body: randomBytes(48).toString('base64url') },
      ];
      const applied = await control(a.url, admin, g, 'rotate', [], wraps);
      await live.until(() => live.events.some((e) => e.__typename === 'KeyWrapEvent'));
      expect(live.events.filter((e) => e.__typename !== 'SignalEvent')).toEqual([
        {
          __typename: 'MembershipEvent',
          conversationId: g.id,
          action: 'rotate',
          targets: [],
          stateHash: applied.stateHash,
          index: applied.index,
          control: expect.stringContaining('"action":"rotate"'),
        },
        { __typename: 'KeyWrapEvent', conversationId: g.id, controlIndex: applied.index, body: wrap },
      ]);
      // Signing out on A closes Bob's socket on B with 4401.
      await gql(a.url, op.signOut, {}, bob.token);
      await live.until(() => live.errors.length > 0);
      const closed = live.errors[0];
      expect(
        typeof closed === 'object' && closed !== null && 'code' in closed ? closed.code : undefined,
      ).toBe(4401);
    } finally {
      live.dispose();
      await client.dispose();
    }
  }, 60_000);
});
