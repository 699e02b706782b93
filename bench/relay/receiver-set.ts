// What a worker's receivers saw: per (receiver, conversation) every seq (repeats included, for
// the ledger), and per delivery its latency from the due time stamped in the body and its arrival
// time, for latency percentiles and delivered-per-second over the measured window.
import type { Delivery } from './bench-connection';
import type { ReceiverLog } from './delivery-ledger';
import { dueTimeOf, monoNs } from './envelope-body';

export interface CollectedDeliveries {
  readonly logs: ReceiverLog[];
  /** ms, from due time to arrival. */
  readonly latencies: Float64Array;
  /** Arrival times, monotonic ns. */
  readonly arrivals: Float64Array;
  /** Streams the server ended (resync, error), with the reason. */
  readonly ended: string[];
}

export class ReceiverSet {
  private logs = new Map<string, { receiver: string; conv: string; seqs: number[] }>();
  private latencies: number[] = [];
  private arrivals: number[] = [];
  private ended: string[] = [];
  private count = 0;

  /** A delivery callback for one receiver. */
  recorder(receiver: string): (d: Delivery) => void {
    return (d) => {
      const now = monoNs();
      this.latencies.push((now - dueTimeOf(d.body)) / 1e6);
      this.arrivals.push(now);
      this.count++;
      const key = `${receiver}/${d.conv}`;
      let log = this.logs.get(key);
      if (log === undefined) {
        log = { receiver, conv: d.conv, seqs: [] };
        this.logs.set(key, log);
      }
      log.seqs.push(d.seq);
    };
  }

  endedBy(receiver: string): (reason: string) => void {
    return (reason) => this.ended.push(`${receiver}: ${reason}`);
  }

  get received(): number {
    return this.count;
  }

  /** Everything since the last collect, then starts afresh. */
  collect(): CollectedDeliveries {
    const out = {
      logs: [...this.logs.values()],
      latencies: Float64Array.from(this.latencies),
      arrivals: Float64Array.from(this.arrivals),
      ended: this.ended,
    };
    this.logs = new Map();
    this.latencies = [];
    this.arrivals = [];
    this.ended = [];
    this.count = 0;
    return out;
  }
}
