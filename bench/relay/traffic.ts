// Opens a scenario's traffic (each group's receivers on one worker, its sender on another, so
// every delivery crosses a process boundary) and runs one measured open-loop step over it.

import {
  type AckedMessage,
  accountDeliveries,
  type DeliveryAccount,
  type ReceiverLog,
} from './delivery-ledger';
import { monoNs } from './envelope-body';
import type { BenchGroup } from './group-setup';
import { type LatencySummary, summarize } from './percentiles';
import { cpuMicros, sumOver } from './proc-stats';
import type { Target } from './target';
import { all, type Worker } from './worker-pool';

export interface StepOptions {
  readonly durationMs: number;
  /** How long after the window senders may still drain their backlog and receivers catch up. */
  readonly drainMs: number;
  readonly maxInFlight: number;
}

export interface StepResult {
  /** Sends per second asked for. */
  readonly requested: number;
  /** Sends acknowledged within the window, per second. */
  readonly achieved: number;
  /** Deliveries that arrived within the window, per second. */
  readonly deliveredPerSecond: number;
  readonly latency: LatencySummary;
  readonly account: DeliveryAccount;
  readonly unsent: number;
  readonly sendErrors: number;
  readonly firstError: string | undefined;
  /** Server CPU per delivery (µs), when its pids are known. */
  readonly cpuPerDelivery: number | undefined;
  /** Load generator CPU per delivery (µs), all workers. */
  readonly clientCpuPerDelivery: number;
  readonly ended: string[];
}

export interface Traffic {
  readonly groups: readonly BenchGroup[];
  readonly receiversByConv: ReadonlyMap<string, readonly string[]>;
}

export async function openTraffic(
  workers: readonly Worker[],
  target: Target,
  groups: readonly BenchGroup[],
  watchStray = false,
): Promise<Traffic> {
  const w = workers.length;
  await Promise.all(
    workers.map((worker, wi) =>
      worker.call({
        op: 'openReceivers',
        kind: target.kind,
        wsUrl: target.wsUrl,
        watchStray,
        receivers: groups.flatMap((g, gi) =>
          (gi + 1) % w === wi
            ? g.members.map((m) => ({ receiver: m.receiver, token: m.token, conv: g.conv }))
            : [],
        ),
      }),
    ),
  );
  await Promise.all(
    workers.map((worker, wi) =>
      worker.call({
        op: 'openSenders',
        kind: target.kind,
        wsUrl: target.wsUrl,
        senders: groups.flatMap((g, gi) =>
          gi % w === wi ? [{ token: g.senderToken, conv: g.conv, index: gi }] : [],
        ),
      }),
    ),
  );
  return { groups, receiversByConv: new Map(groups.map((g) => [g.conv, g.members.map((m) => m.receiver)])) };
}

const totalOf = async (workers: readonly Worker[]) =>
  (await all(workers, { op: 'received' })).reduce((s, r) => s + r.count, 0);

/** Waits until `expected` deliveries arrived, or none arrived for a second, or `untilNs`. */
async function awaitDeliveries(workers: readonly Worker[], expected: number, untilNs: number) {
  let last = -1;
  let lastChange = monoNs();
  for (;;) {
    const got = await totalOf(workers);
    const now = monoNs();
    if (got >= expected || now > untilNs) return;
    if (got !== last) {
      last = got;
      lastChange = now;
    } else if (now - lastChange > 1e9) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function runStep(
  workers: readonly Worker[],
  target: Target,
  traffic: Traffic,
  sendsPerSecond: number,
  o: StepOptions,
): Promise<StepResult> {
  const windowStartNs = monoNs() + 100e6;
  const windowEndNs = windowStartNs + o.durationMs * 1e6;
  const deadlineNs = windowEndNs + o.drainMs * 1e6;
  const cpu = (f: () => number) => (target.pids.length > 0 ? f() : Number.NaN);
  const server0 = cpu(() => sumOver(target.pids, cpuMicros));
  const client0 = (await all(workers, { op: 'cpu' })).reduce((s, r) => s + r.micros, 0);

  const steps = await all(workers, {
    op: 'step',
    windowStartNs,
    durationMs: o.durationMs,
    totalRate: sendsPerSecond,
    totalSenders: traffic.groups.length,
    maxInFlight: o.maxInFlight,
    deadlineNs,
  });
  const senders = steps.flatMap((s) => s.senders);
  const acked: AckedMessage[] = senders.flatMap((s) => s.acked.map(([seq]) => ({ conv: s.conv, seq })));
  const fanout = (conv: string) => traffic.receiversByConv.get(conv)?.length ?? 0;
  const expected = senders.reduce((sum, s) => sum + s.acked.length * fanout(s.conv), 0);
  await awaitDeliveries(workers, expected, Math.max(deadlineNs, monoNs() + 1e9));

  const server1 = cpu(() => sumOver(target.pids, cpuMicros));
  const client1 = (await all(workers, { op: 'cpu' })).reduce((s, r) => s + r.micros, 0);
  const collected = await all(workers, { op: 'collect' });
  const logs: ReceiverLog[] = collected.flatMap((c) => c.logs);
  const account = accountDeliveries(acked, traffic.receiversByConv, logs);
  const arrivals = collected.flatMap((c) => Array.from(c.arrivals));
  const inWindow = arrivals.filter((t) => t >= windowStartNs && t <= windowEndNs).length;
  const ackedInWindow = senders.reduce(
    (sum, s) => sum + s.acked.filter(([, at]) => at <= windowEndNs).length,
    0,
  );
  const latencies = new Float64Array(arrivals.length);
  let i = 0;
  for (const c of collected) {
    latencies.set(c.latencies, i);
    i += c.latencies.length;
  }
  const seconds = o.durationMs / 1000;
  const deliveries = Math.max(1, arrivals.length);
  return {
    requested: sendsPerSecond,
    achieved: ackedInWindow / seconds,
    deliveredPerSecond: inWindow / seconds,
    latency: summarize(latencies),
    account,
    unsent: senders.reduce((s, r) => s + r.unsent, 0),
    sendErrors: senders.reduce((s, r) => s + r.errors, 0),
    firstError: senders.find((s) => s.firstError !== undefined)?.firstError,
    cpuPerDelivery: Number.isNaN(server0) ? undefined : (server1 - server0) / deliveries,
    clientCpuPerDelivery: (client1 - client0) / deliveries,
    ended: collected.flatMap((c) => c.ended),
  };
}
