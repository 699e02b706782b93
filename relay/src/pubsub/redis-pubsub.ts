// Cluster fan-out over Redis pub/sub (docs/operations.md "Fan-out"). Resolvers publish only after
// their transaction commits. This relay delivers the event to its own sockets at once, then puts
// where it is (ids, seq, position) on one Redis channel; every other relay that has a subscriber
// for the topic reads the body from the store, in batches, and delivers it to its own sockets.
//
// Nothing depends on Redis for correctness. Envelope positions are gapless and commit-ordered
// (store/sql-envelopes.ts), so a PositionTracker shows each relay what it missed: a hole below
// the highest position seen is filled from the database after a short grace, and the tail is
// polled (fast while Redis is unreachable, slowly otherwise, for a publisher that died between
// commit and publish). Each position is delivered at most once per relay. When Redis comes back,
// every local event stream ends with a ResyncEvent (controls and sign-outs published meanwhile
// are not in the tail), and every connection re-checks its session.
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { parseGroupControl } from '../deps/protocol';
import type { Logger } from '../logger';
import type { EnvelopeRef, FanoutReads } from '../store/store';
import { createMemoryPubSub } from './memory-pubsub';
import { PositionTracker } from './position-tracker';
import { addressTopic, conversationTopic, type PubSub, sessionTopic } from './pubsub';
import { fromWire, toWire, type WireMessage } from './redis-wire';

export const DEFAULT_CHANNEL = 'parley:v1:events';

export interface RedisPubSubOptions {
  /** The command connection (main.ts shares it with the rate limits); this adapter never closes it. */
  readonly redis: Redis;
  readonly reads: FanoutReads;
  readonly logger: Logger;
  readonly channel?: string;
  /** Tail poll while degraded (ms). */
  readonly pollMs?: number;
  /** Tail poll while healthy (ms): bounds how late an envelope whose publish was lost arrives. */
  readonly idlePollMs?: number;
  /** How long a hole in positions may stay open before it is read from the database (ms). */
  readonly gapGraceMs?: number;
  /** How long start-up waits for Redis before serving degraded (ms). */
  readonly connectTimeoutMs?: number;
}

const FETCH_BATCH = 500;

function whenReady(client: Redis, ms: number): Promise<boolean> {
  if (client.status === 'ready') return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      clearTimeout(timer);
      client.off('ready', onReady);
      resolve(ok);
    };
    const onReady = () => done(true);
    const timer = setTimeout(() => done(false), ms);
    client.on('ready', onReady);
  });
}

export async function createRedisPubSub(o: RedisPubSubOptions): Promise<PubSub> {
  const origin = randomUUID();
  const channel = o.channel ?? DEFAULT_CHANNEL;
  const log = o.logger.child({ pubsub: 'redis' });
  const bus = createMemoryPubSub();
  const tracker = new PositionTracker(await o.reads.lastPosition());
  // The subscriber subscribes itself on every 'ready' (a fresh connection after a restart or a
  // partition has no subscriptions), so it needs no offline queue, retries or auto-resubscribe.
  const sub = o.redis.duplicate({ enableOfflineQueue: false, autoResubscribe: false });
  let subscribed = false;

  let closed = false;
  let degraded = false;
  let publishFailing = false;
  let chain: Promise<void> = Promise.resolve();
  let pending: Array<EnvelopeRef & { topic: string }> = [];
  let flushQueued = false;
  let gapTimer: NodeJS.Timeout | undefined;
  let pollTimer: NodeJS.Timeout | undefined;

  /** Every database read and the deliveries it feeds run one after another. */
  const run = (job: () => Promise<void>) => {
    chain = chain.then(job).catch((err: unknown) => {
      log.warn({ err: err instanceof Error ? err.message : String(err) }, 'fan-out read failed');
    });
    return chain;
  };

  /** Reads the bodies of envelopes someone here listens for, and delivers them in position order. */
  async function deliver(refs: ReadonlyArray<EnvelopeRef & { topic: string }>) {
    const wanted = refs.filter((r) => bus.has(r.topic)).map((r) => r.position);
    for (let i = 0; i < wanted.length; i += FETCH_BATCH) {
      for (const envelope of await o.reads.envelopesAt(wanted.slice(i, i + FETCH_BATCH))) {
        await bus.publish(conversationTopic(envelope.conversationId), { type: 'envelope', envelope });
      }
    }
  }

  /** Reads every envelope after the watermark: fills holes, and is the whole feed while degraded. */
  async function pullTail() {
    for (;;) {
      const page = await o.reads.envelopeRefsAfter(tracker.handledThrough, FETCH_BATCH);
      const fresh = page.items
        .filter((r) => tracker.mark(r.position))
        .map((r) => ({ ...r, topic: conversationTopic(r.conversationId) }));
      await deliver(fresh);
      const last = page.items.at(-1)?.position;
      // Commit order is position order: nothing below `last` can still appear.
      if (last !== undefined) tracker.settle(last);
      if (!page.hasMore) return;
    }
  }

  function schedulePoll() {
    clearTimeout(pollTimer);
    if (closed) return;
    pollTimer = setTimeout(
      () => void run(pullTail).then(schedulePoll),
      degraded ? (o.pollMs ?? 500) : (o.idlePollMs ?? 2_000),
    );
    pollTimer.unref();
  }

  function noteGap() {
    if (!tracker.hasGap || gapTimer !== undefined || closed) return;
    gapTimer = setTimeout(() => {
      gapTimer = undefined;
      if (tracker.hasGap) void run(pullTail);
    }, o.gapGraceMs ?? 200);
    gapTimer.unref();
  }

  function flush() {
    flushQueued = false;
    if (closed) return;
    const batch = pending;
    pending = [];
    void run(() => deliver(batch));
  }

  function onMessage(raw: string) {
    if (closed) return;
    const m: WireMessage | undefined = fromWire(raw);
    if (m === undefined) {
      log.warn('dropped a malformed pub/sub message');
      return;
    }
    if (m.o === origin) return; // delivered here when it was published
    switch (m.k) {
      case 'env':
        if (!tracker.mark(m.p)) return;
        pending.push({ conversationId: m.c, seq: m.s, position: m.p, topic: m.t });
        if (!flushQueued) {
          flushQueued = true;
          setImmediate(flush);
        }
        noteGap();
        return;
      case 'ctl':
        void run(async () => {
          if (!bus.has(m.t)) return;
          const c = await o.reads.controlAt(m.c, m.i);
          if (c === undefined) return;
          const wire = parseGroupControl(JSON.parse(c.control));
          await bus.publish(m.t, {
            type: 'control',
            conversationId: c.conversationId,
            action: wire.action,
            targets: wire.targets,
            stateHash: c.stateHash,
            index: c.index,
            control: c.control,
            wraps: c.wraps,
          });
        });
        return;
      case 'evt':
        void bus.publish(m.t, m.e);
        return;
    }
  }

  function recovered() {
    // Controls, new conversations and sign-outs published while this relay was deaf are not in
    // the envelope tail: end every stream so its client catches up, and re-check sessions.
    void run(async () => {
      await pullTail();
      for (const topic of bus.topics()) {
        if (topic.startsWith(addressTopic('')) || topic.startsWith(sessionTopic(''))) {
          await bus.publish(topic, { type: 'resync' });
        }
      }
    });
  }

  function update() {
    const now = o.redis.status !== 'ready' || !subscribed || publishFailing;
    if (now === degraded || closed) return;
    degraded = now;
    if (now) {
      log.warn(
        { command: o.redis.status, subscriber: sub.status },
        'degraded: Redis is unreachable; other relays are read from the database until it returns',
      );
    } else {
      log.info('recovered: Redis is reachable again; local event streams resync');
      recovered();
    }
    schedulePoll();
  }

  sub.on('message', (ch: string, raw: string) => {
    if (ch === channel) onMessage(raw);
  });
  for (const client of [o.redis, sub]) {
    // ioredis reconnects by itself; a listener keeps its errors from being printed as unhandled.
    // The state change is what gets logged.
    client.on('error', () => undefined);
  }
  o.redis.on('close', update);
  o.redis.on('ready', () => {
    publishFailing = false;
    update();
  });
  sub.on('close', () => {
    subscribed = false;
    update();
  });
  const subscribedOnce = new Promise<boolean>((resolve) => {
    const subscribe = () =>
      sub.subscribe(channel).then(
        () => {
          subscribed = true;
          resolve(true);
          update();
        },
        // The connection dropped again; the next 'ready' retries.
        () => undefined,
      );
    sub.on('ready', () => void subscribe());
    if (sub.status === 'ready') void subscribe();
  });
  const timeout = o.connectTimeoutMs ?? 5_000;
  const startTimer = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeout).unref());
  const [cmdOk, subOk] = await Promise.all([
    whenReady(o.redis, timeout),
    Promise.race([subscribedOnce, startTimer]),
  ]);
  if (!(cmdOk && subOk)) update();
  // Positions committed while this relay was starting.
  await run(pullTail);
  schedulePoll();

  return {
    async publish(topic, event) {
      if (event.type === 'resync') return bus.publish(topic, event);
      // A poll may have delivered this envelope already (publish runs after the commit).
      if (event.type !== 'envelope' || tracker.mark(event.envelope.position)) {
        await bus.publish(topic, event);
      }
      const wire = toWire(origin, topic, event);
      if (wire === undefined || closed) return;
      // Not awaited: the ack of a send never waits on Redis (the envelope is already stored).
      o.redis.publish(channel, JSON.stringify(wire)).then(
        () => {
          if (publishFailing) {
            publishFailing = false;
            update();
          }
        },
        () => {
          if (!publishFailing) {
            publishFailing = true;
            update();
          }
        },
      );
    },
    subscribe: (topic, handler) => bus.subscribe(topic, handler),
    health: () => ({ mode: 'redis', degraded }),
    async close() {
      closed = true;
      clearTimeout(gapTimer);
      clearTimeout(pollTimer);
      await chain;
      sub.disconnect();
      await bus.close();
    },
  };
}
