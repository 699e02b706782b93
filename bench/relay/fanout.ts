// Fan-out scenario: groups of `fanout` subscribed members, one sender each, at rising total send
// rates until p99 send-to-receive latency passes the limit, or the server stops keeping up
// (acks under 90% of the asked rate, or a delivery lost).
import type { BenchGroup } from './group-setup';
import type { Target } from './target';
import { openTraffic, runStep, type StepOptions, type StepResult } from './traffic';
import { all, type Worker } from './worker-pool';

export interface FanoutOptions extends StepOptions {
  /** Total sends per second, in rising order. */
  readonly rates: readonly number[];
  readonly p99LimitMs: number;
  /**
   * Stop once p99 passes the limit (the relay). The raw baseline runs until it no longer keeps up
   * instead: it is the throughput ceiling, and on a busy machine its p99 passes 100 ms long before.
   */
  readonly stopOnP99: boolean;
  readonly log: (line: string) => void;
}

export interface FanoutResult {
  readonly target: Target;
  readonly steps: StepResult[];
  /** Why the ladder stopped. */
  readonly stoppedBecause: string;
}

export async function runFanout(
  workers: readonly Worker[],
  target: Target,
  groups: readonly BenchGroup[],
  o: FanoutOptions,
): Promise<FanoutResult> {
  const traffic = await openTraffic(workers, target, groups);
  try {
    // Warm-up (not reported): proves every subscription is live and warms the JIT on both sides.
    const warm = await runStep(workers, target, traffic, groups.length * 2, { ...o, durationMs: 1000 });
    if (warm.account.lost > 0 || warm.account.expected === 0) {
      throw new Error(
        `${target.label}: warm-up lost ${warm.account.lost} of ${warm.account.expected} deliveries` +
          ` (send errors ${warm.sendErrors}: ${warm.firstError ?? '-'}; ended: ${warm.ended.slice(0, 3).join('; ')})`,
      );
    }
    const steps: StepResult[] = [];
    let stoppedBecause = 'top of the rate ladder';
    for (const rate of o.rates) {
      const step = await runStep(workers, target, traffic, rate, o);
      steps.push(step);
      o.log(
        `  ${target.label} ${rate} sends/s: achieved ${step.achieved.toFixed(0)}, delivered ${step.deliveredPerSecond.toFixed(0)}/s,` +
          ` p99 ${step.latency.p99.toFixed(1)} ms, lost ${step.account.lost}, dup ${step.account.duplicates}`,
      );
      if (o.stopOnP99 && step.latency.p99 > o.p99LimitMs) {
        stoppedBecause = `p99 over ${o.p99LimitMs} ms`;
        break;
      }
      if (step.achieved < 0.9 * rate || step.account.lost > 0) {
        stoppedBecause = step.account.lost > 0 ? 'deliveries lost' : 'acked under 90% of the requested rate';
        break;
      }
      await new Promise((r) => setTimeout(r, 300));
    }
    return { target, steps, stoppedBecause };
  } finally {
    await all(workers, { op: 'closeTraffic' });
  }
}

/** The most deliveries per second any step of a ladder reached. */
export function peakDelivered(r: FanoutResult): number {
  return Math.max(0, ...r.steps.map((s) => s.deliveredPerSecond));
}
