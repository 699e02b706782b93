// A load-generator process: it holds client sockets (receivers, senders, idle and churning
// connections) and runs what the coordinator (run.ts, through worker-pool.ts) asks, one command
// at a time per kind. Several run at once so the clients use more than one core, as many real
// clients would, and so their timestamps cross process boundaries (monotonic clock, shared).
import { randomBytes } from 'node:crypto';
import { randomWallet, signIn } from '../../relay/test/helpers/identity';
import type { BenchConnection, Subscription, TargetKind } from './bench-connection';
import { mapLimit } from './concurrency';
import type { Command, Reply, Request, Results } from './ipc';
import { scheduleFor } from './open-loop';
import { runOpenLoop } from './open-loop-sender';
import { openRawConnection } from './raw-connection';
import { ReceiverSet } from './receiver-set';
import { openRelayConnection, type RelayConnection } from './relay-connection';

const receivers = new ReceiverSet();
const traffic: BenchConnection[] = [];
const senders: Array<{ conn: BenchConnection; conv: string; index: number }> = [];
const watched: Array<{
  conn: RelayConnection;
  receiver: string;
  conv: string;
  sub: Subscription | undefined;
}> = [];
const idleTokens: string[] = [];
const idle: RelayConnection[] = [];

const open = (kind: TargetKind, wsUrl: string, token: string, watchStray = false) =>
  kind === 'relay' ? openRelayConnection(wsUrl, token, { watchStray }) : openRawConnection(wsUrl);

const firstError = (outcomes: ReadonlyArray<{ ok: boolean; error?: string }>) =>
  outcomes.find((o) => !o.ok)?.error;

/**
 * Each cycle subscribes, then completes either at once (half the time: the complete can reach the
 * relay before the subscription is set up) or after a `me` round trip, and ends with a round trip,
 * so a connection never runs ahead of the relay and cycles/s is what the relay sustained.
 */
async function churn(durationMs: number): Promise<Results['churn']> {
  const end = Date.now() + durationMs;
  let cycles = 0;
  let errors = 0;
  await Promise.all(
    watched.map(async (w) => {
      w.sub?.dispose();
      while (Date.now() < end) {
        const sub = w.conn.subscribe(
          w.conv,
          () => {},
          () => errors++,
        );
        // Let graphql-ws write the subscribe frame before a complete can follow it.
        await new Promise((r) => setImmediate(r));
        if (Math.random() < 0.5) await w.conn.roundTrip();
        sub.dispose();
        await w.conn.roundTrip();
        cycles++;
      }
      w.sub = w.conn.subscribe(w.conv, receivers.recorder(w.receiver), receivers.endedBy(w.receiver));
    }),
  );
  return { cycles, errors };
}

async function handle(c: Command): Promise<unknown> {
  switch (c.op) {
    case 'signIn': {
      const outcomes = await mapLimit(Array.from({ length: c.count }), c.concurrency, () =>
        signIn(c.url, randomWallet(), randomBytes(16).toString('hex')),
      );
      for (const o of outcomes) if (o.ok) idleTokens.push(o.value);
      const signedIn = outcomes.filter((o) => o.ok).length;
      return {
        signedIn,
        failed: c.count - signedIn,
        firstError: firstError(outcomes),
      } satisfies Results['signIn'];
    }
    case 'openIdle': {
      if (idleTokens.length === 0) return { opened: 0, failed: c.count, firstError: 'no session' };
      const tokens = Array.from({ length: c.count }, (_, i) => idleTokens[i % idleTokens.length] ?? '');
      const outcomes = await mapLimit(tokens, c.concurrency, (t) => openRelayConnection(c.wsUrl, t));
      for (const o of outcomes) if (o.ok) idle.push(o.value);
      const opened = outcomes.filter((o) => o.ok).length;
      return {
        opened,
        failed: c.count - opened,
        firstError: firstError(outcomes),
      } satisfies Results['openIdle'];
    }
    case 'subscribeIdle':
      for (const conn of idle)
        conn.subscribe(
          '',
          () => {},
          () => {},
        );
      return { subscribed: idle.length } satisfies Results['subscribeIdle'];
    case 'closeIdle':
      await Promise.all(idle.splice(0).map((conn) => conn.close()));
      idleTokens.length = 0;
      return {};
    case 'openReceivers':
      for (const r of c.receivers) {
        if (c.watchStray && c.kind === 'relay') {
          const conn = await openRelayConnection(c.wsUrl, r.token, { watchStray: true });
          const sub = conn.subscribe(r.conv, receivers.recorder(r.receiver), receivers.endedBy(r.receiver));
          watched.push({ conn, receiver: r.receiver, conv: r.conv, sub });
          traffic.push(conn);
          continue;
        }
        const conn = await open(c.kind, c.wsUrl, r.token);
        conn.subscribe(r.conv, receivers.recorder(r.receiver), receivers.endedBy(r.receiver));
        traffic.push(conn);
      }
      return {};
    case 'openSenders':
      for (const s of c.senders) {
        const conn = await open(c.kind, c.wsUrl, s.token);
        senders.push({ conn, conv: s.conv, index: s.index });
        traffic.push(conn);
      }
      return {};
    case 'step': {
      const results = await Promise.all(
        senders.map((s) =>
          runOpenLoop(
            s.conn,
            s.conv,
            scheduleFor(c.windowStartNs, c.durationMs, c.totalRate, c.totalSenders, s.index),
            c.maxInFlight,
            c.deadlineNs,
          ),
        ),
      );
      return { senders: results } satisfies Results['step'];
    }
    case 'received':
      return { count: receivers.received } satisfies Results['received'];
    case 'collect':
      return receivers.collect() satisfies Results['collect'];
    case 'churn':
      return churn(c.durationMs);
    case 'stray': {
      const count = watched.reduce((sum, w) => sum + w.conn.strayPushes(), 0);
      if (c.reset) for (const w of watched) w.conn.resetStray();
      return { count } satisfies Results['stray'];
    }
    case 'cpu': {
      const u = process.cpuUsage();
      return { micros: u.user + u.system } satisfies Results['cpu'];
    }
    case 'closeTraffic':
      await Promise.all(traffic.splice(0).map((conn) => conn.close()));
      senders.length = 0;
      watched.length = 0;
      receivers.collect();
      return {};
  }
}

process.on('message', (m: Request) => {
  handle(m).then(
    (result) => process.send?.({ id: m.id, ok: true, result } satisfies Reply),
    (e: unknown) =>
      process.send?.({
        id: m.id,
        ok: false,
        error: e instanceof Error ? e.message : String(e),
      } satisfies Reply),
  );
});
process.on('disconnect', () => process.exit(0));
