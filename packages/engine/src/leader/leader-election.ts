// Electing the one tab that syncs, with the Web Locks API (DESIGN.md §1.4). Every engine asks for
// the same exclusive lock; the browser grants it to one, and the others wait in its queue. The
// holder keeps the lock by not resolving the callback until it resigns (stop()) or its tab
// closes, at which point the browser grants it to the next waiter, which takes over.

import type { LockManagerLike } from '../ports/locks';
import type { Logger } from '../ports/logger';

export interface LeaderCallbacks {
  /** Called when this engine holds the lock. Sync starts here. */
  becameLeader(): Promise<void>;
  /** Called before the lock is released, so sync stops before another tab starts. */
  resigning(): Promise<void>;
}

export class LeaderElection {
  private abort: AbortController | undefined;
  private release: (() => void) | undefined;
  private held: Promise<void> | undefined;
  private leader = false;

  constructor(
    private readonly locks: LockManagerLike,
    readonly lockName: string,
    private readonly callbacks: LeaderCallbacks,
    private readonly logger: Logger,
  ) {}

  get isLeader(): boolean {
    return this.leader;
  }

  /** Joins the queue for the lock. Returns at once; becameLeader runs when the lock is granted. */
  start(): void {
    if (this.abort) return;
    const abort = new AbortController();
    this.abort = abort;
    this.held = this.locks
      .request(this.lockName, { mode: 'exclusive', signal: abort.signal }, async () => {
        if (abort.signal.aborted) return;
        const released = new Promise<void>((resolve) => {
          this.release = resolve;
        });
        this.leader = true;
        try {
          await this.callbacks.becameLeader();
        } catch (error) {
          this.logger.error('leader: failed to start sync', { error: String(error) });
        }
        await released;
      })
      .catch((error: unknown) => {
        // An aborted request (we stopped while waiting) rejects with AbortError: expected.
        if (!abort.signal.aborted) this.logger.warn('leader: lock request failed', { error: String(error) });
      });
  }

  /** Leaves the queue, or stops syncing and releases the lock so another tab takes over. */
  async stop(): Promise<void> {
    const abort = this.abort;
    if (!abort) return;
    if (this.leader) {
      this.leader = false;
      try {
        await this.callbacks.resigning();
      } catch (error) {
        this.logger.error('leader: failed to stop sync', { error: String(error) });
      }
    }
    abort.abort();
    this.release?.();
    this.release = undefined;
    await this.held;
    this.abort = undefined;
    this.held = undefined;
  }
}
