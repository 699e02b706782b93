// Runs one sender's open-loop schedule (open-loop.ts): each message is issued when it is due,
// whatever became of the ones before, and carries its due time. The relay lets a connection run at
// most 4 operations at once (maxSubscriptionsPerConnection, not configurable), so a message due
// while `maxInFlight` sends are outstanding waits in this sender's queue; its latency still counts
// from its due time, so that wait is measured, not hidden.
import type { BenchConnection } from './bench-connection';
import { benchBody, monoNs } from './envelope-body';
import { dueAt, dueCount, type Schedule } from './open-loop';

export interface SenderResult {
  readonly conv: string;
  readonly scheduled: number;
  /** Sends written to the socket. */
  readonly issued: number;
  /** [seq, ack time ns] per acknowledged send. */
  readonly acked: ReadonlyArray<readonly [number, number]>;
  readonly errors: number;
  readonly firstError: string | undefined;
  /** Due but never issued before the drain deadline (the sender's own backlog). */
  readonly unsent: number;
}

export function runOpenLoop(
  conn: BenchConnection,
  conv: string,
  schedule: Schedule,
  maxInFlight: number,
  deadlineNs: number,
): Promise<SenderResult> {
  const acked: Array<readonly [number, number]> = [];
  let next = 0;
  let due = 0;
  let inFlight = 0;
  let errors = 0;
  let firstError: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  let deadline: NodeJS.Timeout | undefined;
  let done = false;

  return new Promise((resolve) => {
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      clearTimeout(deadline);
      resolve({
        conv,
        scheduled: schedule.total,
        issued: next,
        acked: [...acked],
        errors,
        firstError,
        unsent: schedule.total - next,
      });
    };
    const settled = () => {
      inFlight--;
      pump();
      if (next === schedule.total && inFlight === 0) finish();
    };
    function pump() {
      while (!done && inFlight < maxInFlight && next < due) {
        const body = benchBody(dueAt(schedule, next));
        next++;
        inFlight++;
        conn.send(conv, body).then(
          (seq) => {
            acked.push([seq, monoNs()]);
            settled();
          },
          (e: unknown) => {
            errors++;
            firstError ??= e instanceof Error ? e.message : String(e);
            settled();
          },
        );
      }
    }
    const tick = () => {
      const now = monoNs();
      due = dueCount(schedule, now);
      pump();
      if (!done && due < schedule.total) {
        const waitMs = (dueAt(schedule, due) - monoNs()) / 1e6;
        timer = setTimeout(tick, Math.max(0, waitMs));
      }
    };
    if (schedule.total === 0) return finish();
    deadline = setTimeout(finish, Math.max(0, (deadlineNs - monoNs()) / 1e6));
    tick();
  });
}
