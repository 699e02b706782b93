// Idle scenario: as many signed-in, subscribed, silent connections as asked for (or as the
// open-files limits allow), and what they cost the server in resident memory. Sessions are made
// first (SIWE, by the workers), so their garbage is not counted against the sockets. A SIWE
// sign-in costs the relay milliseconds of CPU, so BENCH_IDLE_SESSIONS can cap the distinct
// sessions and let connections share them (each still authenticates with connection_init).
import { openFds, openFileLimit, quiet, rssKiB, sumOver } from './proc-stats';
import type { Target } from './target';
import { all, type Worker } from './worker-pool';

export interface IdleResult {
  readonly target: Target;
  readonly requested: number;
  readonly attempted: number;
  /** Distinct SIWE sessions the connections share (each connection_init carries one). */
  readonly sessions: number;
  readonly limitNote: string;
  readonly signedIn: number;
  readonly signInsPerSecond: number;
  readonly opened: number;
  readonly connectsPerSecond: number;
  readonly firstError: string | undefined;
  /** KiB of server RSS per connection after connection_init, and after the events subscription too. */
  readonly rssPerConnectionKiB: number | undefined;
  readonly rssPerSubscribedKiB: number | undefined;
  readonly fdsPerConnection: number | undefined;
  /** Server RSS before the connections, KiB. */
  readonly rssBeforeKiB: number | undefined;
}

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));
const HEADROOM = 100;

/** How many sockets fit: every server process and every worker needs a descriptor per socket. */
function reachable(requested: number, target: Target, workers: readonly Worker[]): [number, string] {
  const notes: string[] = [];
  let n = requested;
  if (target.pids.length === 1 && target.pids[0] !== undefined) {
    const pid = target.pids[0];
    const room = openFileLimit(pid) - openFds(pid) - HEADROOM;
    notes.push(`server open-files limit ${openFileLimit(pid)}`);
    n = Math.min(n, room);
  }
  const perWorker = Math.min(...workers.map((w) => openFileLimit(w.pid) - openFds(w.pid) - HEADROOM));
  notes.push(`worker open-files limit ${Math.min(...workers.map((w) => openFileLimit(w.pid)))}`);
  n = Math.min(n, perWorker * workers.length);
  return [Math.max(0, n), notes.join(', ')];
}

export async function runIdle(
  workers: readonly Worker[],
  target: Target,
  requested: number,
  maxSessions: number,
  log: (line: string) => void,
  /**
   * Runs after the sign-ins and returns where to connect: the embedded relay is restarted on the
   * same data folder here, so the sessions are in its store but their sign-in garbage is not in
   * its heap, and the RSS growth is the connections' own.
   */
  afterSignIn: () => Promise<Target> = async () => target,
): Promise<IdleResult> {
  const [attempted, limitNote] = reachable(requested, target, workers);
  const sessions = Math.min(attempted, maxSessions);
  const share = (n: number, i: number) => Math.floor(n / workers.length) + (i < n % workers.length ? 1 : 0);

  let t = performance.now();
  const signed = await Promise.all(
    workers.map((w, i) =>
      w.call({ op: 'signIn', url: target.url, count: share(sessions, i), concurrency: 8 }),
    ),
  );
  const signedIn = signed.reduce((s, r) => s + r.signedIn, 0);
  const signInsPerSecond = signedIn / ((performance.now() - t) / 1000);
  log(`  ${target.label}: ${signedIn} sessions signed in (${signInsPerSecond.toFixed(0)}/s)`);
  try {
    const at = await afterSignIn();
    const rss = () => (at.pids.length > 0 ? sumOver(at.pids, rssKiB) : Number.NaN);
    const fds = () => (at.pids.length > 0 ? sumOver(at.pids, openFds) : Number.NaN);
    await settle(1000);
    await quiet(at.pids);
    const rss0 = rss();
    const fds0 = fds();
    t = performance.now();
    const opened = await Promise.all(
      workers.map((w, i) =>
        w.call({ op: 'openIdle', wsUrl: at.wsUrl, count: share(attempted, i), concurrency: 64 }),
      ),
    );
    const count = opened.reduce((s, r) => s + r.opened, 0);
    const connectsPerSecond = count / ((performance.now() - t) / 1000);
    await settle(1000);
    await quiet(at.pids);
    const rss1 = rss();
    const fds1 = fds();
    await all(workers, { op: 'subscribeIdle' });
    await settle(1000);
    await quiet(at.pids);
    const rss2 = rss();
    log(
      `  ${target.label}: ${count} idle connections open (server RSS ${(rss0 / 1024).toFixed(0)} MiB before)`,
    );
    const per = (a: number, b: number) => (Number.isNaN(a) || count === 0 ? undefined : (b - a) / count);
    return {
      target,
      requested,
      attempted,
      sessions,
      limitNote,
      signedIn,
      signInsPerSecond,
      opened: count,
      connectsPerSecond,
      firstError: [...signed, ...opened].find((r) => r.firstError !== undefined)?.firstError,
      rssPerConnectionKiB: per(rss0, rss1),
      rssPerSubscribedKiB: per(rss0, rss2),
      fdsPerConnection: per(fds0, fds1),
      rssBeforeKiB: Number.isNaN(rss0) ? undefined : rss0,
    };
  } finally {
    await all(workers, { op: 'closeIdle' });
  }
}
