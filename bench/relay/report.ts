// Markdown tables of the bench's results.
import type { ChurnResult } from './churn';
import { type FanoutResult, peakDelivered } from './fanout';
import type { IdleResult } from './idle';

const f = (n: number | undefined, digits = 0) =>
  n === undefined || Number.isNaN(n)
    ? 'n/a'
    : n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function table(head: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  return [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

export function fanoutTable(results: readonly FanoutResult[], fanout: number): string {
  const rows = results.flatMap((r) =>
    r.steps.map((s) => [
      r.target.label,
      f(s.requested),
      f(s.achieved),
      f(s.requested * fanout),
      f(s.deliveredPerSecond),
      f(s.latency.p50, 1),
      f(s.latency.p95, 1),
      f(s.latency.p99, 1),
      f(s.latency.max, 1),
      f(s.cpuPerDelivery, 1),
      f(s.clientCpuPerDelivery, 1),
      `${s.account.lost} / ${s.account.duplicates}`,
      `${s.unsent} / ${s.sendErrors}`,
    ]),
  );
  const head = [
    'server',
    'sends/s asked',
    'sends/s acked',
    'deliveries/s asked',
    'delivered/s',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'max ms',
    'server CPU µs/delivery',
    'client CPU µs/delivery',
    'lost / dup',
    'unsent / errors',
  ];
  const stops = results.map(
    (r) => `${r.target.label}: stopped at ${r.steps.at(-1)?.requested ?? 0} sends/s (${r.stoppedBecause})`,
  );
  return `${table(head, rows)}\n\n${stops.join('\n')}`;
}

export function ratioLines(relays: readonly FanoutResult[], raw: FanoutResult | undefined): string {
  if (raw === undefined) return 'raw ws baseline not measured';
  const base = peakDelivered(raw);
  return relays
    .map((r) => {
      const peak = peakDelivered(r);
      return `${r.target.label}: peak ${f(peak)} delivered/s = ${f(peak / base, 2)} × the raw ws baseline (${f(base)} delivered/s)`;
    })
    .join('\n');
}

export function idleTable(results: readonly IdleResult[]): string {
  const head = [
    'server',
    'asked',
    'attempted',
    'open',
    'sessions',
    'sign-ins/s',
    'connects/s',
    'server RSS before, MiB',
    'RSS KiB/conn (init)',
    'RSS KiB/conn (+events)',
    'fds/conn',
    'limits',
  ];
  const rows = results.map((r) => [
    r.target.label,
    f(r.requested),
    f(r.attempted),
    f(r.opened),
    f(r.sessions),
    f(r.signInsPerSecond),
    f(r.connectsPerSecond),
    f(r.rssBeforeKiB === undefined ? undefined : r.rssBeforeKiB / 1024),
    f(r.rssPerConnectionKiB, 1),
    f(r.rssPerSubscribedKiB, 1),
    f(r.fdsPerConnection, 2),
    r.limitNote + (r.firstError === undefined ? '' : `; first error: ${r.firstError}`),
  ]);
  return table(head, rows);
}

export function churnTable(results: readonly ChurnResult[]): string {
  const head = [
    'server',
    'connections',
    'sub+complete cycles/s',
    'errors',
    'pushes to completed ids',
    'probe lost / dup',
    'probe send errors',
    'server RSS MiB before → after',
    'fd growth',
  ];
  const rows = results.map((r) => [
    r.target.label,
    f(r.connections),
    f(r.cyclesPerSecond),
    f(r.errors),
    f(r.strayPushes),
    `${r.probe.account.lost} / ${r.probe.account.duplicates} of ${r.probe.account.expected}`,
    `${r.probe.sendErrors}${r.probe.firstError === undefined ? '' : ` (${r.probe.firstError})`}`,
    r.rssBeforeKiB === undefined || r.rssAfterKiB === undefined
      ? 'n/a'
      : `${f(r.rssBeforeKiB / 1024, 1)} → ${f(r.rssAfterKiB / 1024, 1)}`,
    f(r.fdGrowth),
  ]);
  return table(head, rows);
}
