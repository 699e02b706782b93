// The engine's own `events` document is answered with frames serialised once per event
// (graphql/direct-events.ts) instead of GraphQL execution per subscriber. Here one person holds
// two subscriptions on a real relay, one with the engine's exact document (direct path) and one
// with a document that selects the same but is not the engine's once printed (GraphQL path), and
// every kind of event must arrive on both as the same JSON, key order included.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, op, subscribeEvents, wsClient } from './helpers/client';
import { control, createGroup } from './helpers/groups';
import { type Harness, startRelay } from './helpers/harness';
import { newIdentity, publishLog } from './helpers/identity';

let h: Harness;
beforeAll(async () => {
  h = await startRelay();
});
afterAll(async () => {
  await h.close();
});

const id16 = () => randomBytes(16).toString('hex');
const body = () => randomBytes(30).toString('base64url');

describe('events fast path', () => {
  it('sends the same JSON as GraphQL execution for every kind of event', async () => {
    const admin = await newIdentity(h.url);
    await publishLog(h.url, admin);
    const bob = await newIdentity(h.url);
    const carol = await newIdentity(h.url);
    const g = await createGroup(h.url, admin);
    await control(h.url, admin, g, 'add', [bob.address]);
    // The same selection with a no-op directive: not the engine's document once printed
    // (graphql/engine-events.ts), so it runs through GraphQL.
    const reworded = op.events.replace('__typename', '__typename @include(if: true)');
    expect(reworded).not.toBe(op.events);
    const directClient = wsClient(h.wsUrl, bob.token);
    const graphqlClient = wsClient(h.wsUrl, bob.token);
    const direct = subscribeEvents(directClient);
    const viaGraphql = subscribeEvents(graphqlClient, reworded);
    try {
      const probe = () =>
        gql(h.url, op.signal, { conversationId: g.id, kind: 'presence', active: false }, admin.token);
      for (let i = 0; i < 100 && (direct.events.length === 0 || viaGraphql.events.length === 0); i++) {
        await probe();
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      // From here both are live; compare what each gets after the probes.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const from = [direct.events.length, viaGraphql.events.length];

      await gql(
        h.url,
        op.send,
        { envelopes: [{ conversationId: g.id, clientId: id16(), body: body() }] },
        admin.token,
      );
      const copyId = id16();
      await gql(
        h.url,
        op.send,
        {
          envelopes: [
            { conversationId: g.id, clientId: copyId, recipientDevice: bob.device.deviceId, body: body() },
            { conversationId: g.id, clientId: copyId, recipientDevice: id16(), body: body() },
          ],
        },
        admin.token,
      );
      await control(
        h.url,
        admin,
        g,
        'add',
        [carol.address],
        [{ recipientDevice: bob.device.deviceId, body: body() }],
      );
      await gql(h.url, op.createDm, { peer: bob.address }, carol.token);
      await gql(h.url, op.signal, { conversationId: g.id, kind: 'typing', active: true }, carol.token);

      const kinds = [
        'EnvelopeEvent',
        'EnvelopeEvent',
        'MembershipEvent',
        'KeyWrapEvent',
        'MembershipEvent',
        'SignalEvent',
      ];
      for (const s of [direct, viaGraphql])
        await s.until(() => s.events.length >= (from[s === direct ? 0 : 1] ?? 0) + kinds.length);
      const a = direct.events.slice(from[0]);
      const b = viaGraphql.events.slice(from[1]);
      expect(a.map((e) => e.__typename)).toEqual(kinds);
      expect(JSON.stringify(a)).toBe(JSON.stringify(b));
      expect([direct.errors, viaGraphql.errors]).toEqual([[], []]);
    } finally {
      direct.dispose();
      viaGraphql.dispose();
      await directClient.dispose();
      await graphqlClient.dispose();
    }
  });
});
