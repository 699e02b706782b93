// Faults in cluster mode: two relays as child processes (main.ts, the way a deployment runs them)
// on one PostgreSQL and one Redis. Mid-stream one relay is SIGKILLed and replaced, then Redis is
// killed and restarted. Senders retry unacknowledged batches with the same client ids (as the
// engine's outbox does); receivers subscribe, catch up from their cursor and resubscribe when a
// stream ends (as the engine's sync loop does). Every acknowledged envelope must reach every
// receiver exactly once, nothing unacknowledged may be stored, and seq must stay gapless.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildRelay } from './helpers/child-relay';
import { gql, op } from './helpers/client';
import {
  type ClusterServices,
  SERVICES_TIMEOUT_MS,
  startClusterChild,
  startServices,
} from './helpers/cluster';
import { control, createGroup } from './helpers/groups';
import { type Identity, newIdentity, publishLog } from './helpers/identity';
import { Receiver } from './helpers/receiver';

let svc: ClusterServices | undefined;
const children: ChildRelay[] = [];
beforeAll(async () => {
  svc = await startServices();
}, SERVICES_TIMEOUT_MS);
afterAll(() => {
  for (const c of children) c.child.kill('SIGKILL');
  svc?.stop();
});

const id16 = () => randomBytes(16).toString('hex');
const wsOf = (r: ChildRelay) => `${r.url.replace('http', 'ws')}/graphql`;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function child(s: ClusterServices) {
  const c = await startClusterChild(s);
  children.push(c);
  return c;
}

async function healthOf(r: ChildRelay): Promise<{ degraded?: boolean }> {
  return (await fetch(`${r.url}/healthz`)).json() as Promise<{ degraded?: boolean }>;
}

async function waitFor(what: string, pred: () => boolean | Promise<boolean>, ms = 30_000) {
  const deadline = Date.now() + ms;
  while (!(await pred())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await pause(50);
  }
}

interface Acked {
  readonly clientId: string;
  readonly body: string;
  readonly at: number;
}

/** Sends batches of two through `relay()` until stopped; an unanswered batch is resent as is. */
function startSender(who: Identity, conversationId: string, relay: () => ChildRelay) {
  const acked = new Map<number, Acked>();
  let stop = false;
  let failures = 0;
  const done = (async () => {
    while (!stop) {
      const batch = [0, 1].map(() => ({
        conversationId,
        clientId: id16(),
        body: randomBytes(60).toString('base64url'),
      }));
      for (;;) {
        try {
          type R = { send: Array<{ clientId: string; seq: number }> };
          const r = await gql<R>(relay().url, op.send, { envelopes: batch }, who.token);
          for (const receipt of r.send) {
            const body = batch.find((e) => e.clientId === receipt.clientId)?.body ?? '';
            acked.set(receipt.seq, { clientId: receipt.clientId, body, at: Date.now() });
          }
          break;
        } catch {
          failures++;
          await pause(100);
        }
      }
      await pause(20);
    }
  })();
  return {
    acked,
    get failures() {
      return failures;
    },
    async stop() {
      stop = true;
      await done;
    },
  };
}

/** Keeps a receiver subscribed to `relay()`: a stream that ends is reopened, then caught up. */
function supervise(r: Receiver, relay: () => ChildRelay) {
  let stop = false;
  let resubscribed = 0;
  const done = (async () => {
    while (!stop) {
      r.drain();
      if (r.broken) {
        try {
          await r.subscribe(wsOf(relay()));
          await r.catchUp(relay().url);
          resubscribed++;
        } catch {
          await pause(100);
        }
      }
      await pause(25);
    }
  })();
  return {
    get resubscribed() {
      return resubscribed;
    },
    async stop() {
      stop = true;
      await done;
    },
  };
}

describe('cluster faults', () => {
  it('delivers every acknowledged envelope exactly once through a relay SIGKILL and a Redis restart', async () => {
    const s = svc;
    if (s === undefined) throw new Error('services did not start');
    let relayA = await child(s);
    const relayB = await child(s);
    const alice = await newIdentity(relayA.url);
    await publishLog(relayA.url, alice);
    const [dave, bob, carol] = await Promise.all([
      newIdentity(relayB.url),
      newIdentity(relayB.url),
      newIdentity(relayA.url),
    ]);
    const g = await createGroup(relayA.url, alice);
    await control(relayA.url, alice, g, 'add', [dave.address, bob.address, carol.address]);

    // Carol listens on A, Bob on B; Alice sends through A, Dave through B.
    let carolRelay = relayA;
    const bobR = new Receiver(bob.token, 'bob');
    const carolR = new Receiver(carol.token, 'carol');
    const bobSup = supervise(bobR, () => relayB);
    const carolSup = supervise(carolR, () => carolRelay);
    await waitFor('both subscriptions', async () => {
      await gql(relayB.url, op.signal, { conversationId: g.id, kind: 'typing', active: true }, dave.token);
      await pause(100);
      return [bobR, carolR].every((r) => r.liveEvents().some((e) => e.__typename === 'SignalEvent'));
    });
    let aliceRelay = relayA;
    const fromAlice = startSender(alice, g.id, () => aliceRelay);
    const fromDave = startSender(dave, g.id, () => relayB);
    const total = () => fromAlice.acked.size + fromDave.acked.size;

    // 1. SIGKILL relay A mid-stream. Alice's load balancer sends her to B; Carol's stream broke.
    await waitFor('traffic before the kill', () => total() >= 40);
    relayA.child.kill('SIGKILL');
    expect(await relayA.exited).toBe('SIGKILL');
    aliceRelay = relayB;
    carolRelay = relayB;
    relayA = await child(s);
    aliceRelay = relayA;
    carolRelay = relayA;
    carolR.drain();
    await carolR.unsubscribe(); // moves Carol to the new A; the supervisor resubscribes there

    // 2. Kill Redis. Both relays say they are degraded, and cross-relay envelopes still arrive
    //    live: each relay reads what the other stored from the database.
    const beforeOutage = total();
    await waitFor('traffic on the new relay', () => total() >= beforeOutage + 20);
    await s.redis.kill();
    const downAt = Date.now();
    await waitFor('both relays degraded', async () =>
      (await Promise.all([healthOf(relayA), healthOf(relayB)])).every((h) => h.degraded === true),
    );
    const liveDuringOutage = (r: Receiver, sender: Map<number, Acked>) => () => {
      r.drain();
      return [...sender].some(
        ([seq, e]) => e.at > downAt && r.received.get(`${g.id}:${seq}`)?.via === 'live',
      );
    };
    await waitFor('Carol (A) to get one of Dave’s (B) live', liveDuringOutage(carolR, fromDave.acked));
    await waitFor('Bob (B) to get one of Alice’s (A) live', liveDuringOutage(bobR, fromAlice.acked));

    // 3. Redis comes back on the same port: both relays recover and their streams resync.
    await s.redis.start();
    await waitFor('both relays recovered', async () =>
      (await Promise.all([healthOf(relayA), healthOf(relayB)])).every((h) => h.degraded === false),
    );
    const afterOutage = total();
    await waitFor('traffic after recovery', () => total() >= afterOutage + 20);
    await Promise.all([fromAlice.stop(), fromDave.stop()]);

    // Everything acknowledged, from both senders, keyed by seq.
    const acked = new Map([...fromAlice.acked, ...fromDave.acked]);
    const n = acked.size;
    expect([...acked.keys()].sort((x, y) => x - y)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    // Nothing unacknowledged was stored: the kill's in-flight batches were resent and deduplicated.
    type H = { history: { items: Array<{ seq: number; clientId: string }>; hasMore: boolean } };
    const stored: Array<{ seq: number; clientId: string }> = [];
    for (let after = 0; ; ) {
      const page = (
        await gql<H>(relayB.url, op.history, { conversationId: g.id, afterSeq: after, first: 500 }, bob.token)
      ).history;
      stored.push(...page.items.map((e) => ({ seq: e.seq, clientId: e.clientId })));
      after = page.items.at(-1)?.seq ?? after;
      if (!page.hasMore) break;
    }
    expect(stored).toEqual(
      [...acked].sort(([x], [y]) => x - y).map(([seq, e]) => ({ seq, clientId: e.clientId })),
    );

    const want = new Map([...acked].map(([seq, e]) => [`${g.id}:${seq}`, [e.clientId, e.body]]));
    for (const r of [bobR, carolR]) {
      // Live delivery finishes on its own; a final catch-up covers what a resync skipped.
      await r.until(() => r.received.size >= n, 10_000).catch(() => undefined);
      await r.catchUp(r === bobR ? relayB.url : relayA.url);
      const got = new Map([...r.received].map(([k, v]) => [k, [v.clientId, v.body]]));
      expect(got).toEqual(want);
      expect([r.label, r.liveDuplicates, r.conflicts]).toEqual([r.label, 0, 0]);
    }
    await Promise.all([bobSup.stop(), carolSup.stop()]);
    await Promise.all([bobR.unsubscribe(), carolR.unsubscribe()]);
    // The streams were resynced on recovery, and the relays logged both transitions.
    expect(bobSup.resubscribed).toBeGreaterThanOrEqual(2);
    for (const r of [relayA, relayB]) {
      expect(r.output()).toContain('degraded: Redis is unreachable');
      expect(r.output()).toContain('recovered: Redis is reachable again');
    }
  }, 240_000);
});
