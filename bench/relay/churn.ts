// Churn scenario: every member connection of a group subscribes to `events` and completes it
// again in a loop (worker.ts: half the completes follow the subscribe at once, so some reach the
// relay before the subscription is set up; each cycle ends with a round trip, so the rate is
// what the relay sustains, not what the clients can queue). Then each keeps one final subscription and the group's sender sends a probe: each
// member must get every probe message exactly once, and no socket may get a push for a
// subscription it already completed (that would be a subscription the relay leaked). Server RSS
// and descriptors are read before and after (RSS also moves with the garbage collector, so only
// a large growth over a long run means something).
import type { BenchGroup } from './group-setup';
import { openFds, quiet, rssKiB, sumOver } from './proc-stats';
import type { Target } from './target';
import { openTraffic, runStep, type StepResult } from './traffic';
import { all, type Worker } from './worker-pool';

export interface ChurnResult {
  readonly target: Target;
  readonly connections: number;
  readonly cycles: number;
  readonly cyclesPerSecond: number;
  readonly errors: number;
  readonly strayPushes: number;
  readonly probe: StepResult;
  readonly rssBeforeKiB: number | undefined;
  readonly rssAfterKiB: number | undefined;
  readonly fdGrowth: number | undefined;
}

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function runChurn(
  workers: readonly Worker[],
  target: Target,
  groups: readonly BenchGroup[],
  durationMs: number,
): Promise<ChurnResult> {
  const traffic = await openTraffic(workers, target, groups, true);
  const rss = () => (target.pids.length > 0 ? sumOver(target.pids, rssKiB) : Number.NaN);
  const fds = () => (target.pids.length > 0 ? sumOver(target.pids, openFds) : Number.NaN);
  const step = { durationMs: 1000, drainMs: 3000, maxInFlight: 4 };
  try {
    await runStep(workers, target, traffic, groups.length * 5, step);
    await settle(1000);
    const rss0 = rss();
    const fds0 = fds();
    const t = performance.now();
    const churned = await all(workers, { op: 'churn', durationMs });
    const seconds = (performance.now() - t) / 1000;
    await settle(1000);
    await quiet(target.pids);
    const rss1 = rss();
    const fds1 = fds();
    await all(workers, { op: 'stray', reset: true });
    const probe = await runStep(workers, target, traffic, groups.length * 20, step);
    const stray = await all(workers, { op: 'stray', reset: false });
    const cycles = churned.reduce((s, r) => s + r.cycles, 0);
    return {
      target,
      connections: groups.reduce((s, g) => s + g.members.length, 0),
      cycles,
      cyclesPerSecond: cycles / seconds,
      errors: churned.reduce((s, r) => s + r.errors, 0),
      strayPushes: stray.reduce((s, r) => s + r.count, 0),
      probe,
      rssBeforeKiB: Number.isNaN(rss0) ? undefined : rss0,
      rssAfterKiB: Number.isNaN(rss1) ? undefined : rss1,
      fdGrowth: Number.isNaN(fds0) ? undefined : fds1 - fds0,
    };
  } finally {
    await all(workers, { op: 'closeTraffic' });
  }
}
