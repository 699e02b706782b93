// What the leader runs, and when: the SyncRuntime starts once this tab leads and an account is
// linked on this device (it may be linked later, by a sign-in in any tab), and stops before the
// lock is released. Starts and stops are queued one after another, so they never overlap.
import { liveQuery } from 'dexie';
import type { EngineEvents } from '../engine-api';
import type { Emitter } from '../events/emitter';
import type { Logger } from '../ports/logger';
import type { ParleyDatabase } from '../store/database';
import type { SyncRuntime } from '../sync/sync-runtime';
import { recordStatus } from './status-recorder';

export class RuntimeHost {
  private runtime: SyncRuntime | undefined;
  private job: Promise<void> = Promise.resolve();
  private accountWatch: { unsubscribe(): void } | undefined;
  private stopRecording: (() => void) | undefined;

  constructor(
    private readonly db: ParleyDatabase,
    private readonly events: Emitter<EngineEvents>,
    private readonly logger: Logger,
    /** Builds the runtime for the linked account, or undefined when there is none (yet). */
    private readonly create: () => Promise<SyncRuntime | undefined>,
    private readonly isLeader: () => boolean,
  ) {}

  /** The running runtime, if this tab leads and syncs. */
  get current(): SyncRuntime | undefined {
    return this.runtime;
  }

  /** Waits for queued starts and stops. */
  settled(): Promise<void> {
    return this.job;
  }

  becameLeader(): void {
    this.events.emit('leader', { leader: true });
    this.stopRecording = recordStatus(this.db, this.events);
    this.accountWatch = liveQuery(() => this.db.account.get('me')).subscribe({
      next: (account) => {
        if (account?.linked && !this.runtime) void this.start();
        // Signed out (in any tab): stop syncing the account that is gone.
        if (!account && this.runtime) void this.stop();
      },
      error: (error: unknown) => this.logger.warn('engine: account watch failed', { error: String(error) }),
    });
  }

  async resign(): Promise<void> {
    this.accountWatch?.unsubscribe();
    this.accountWatch = undefined;
    await this.stop();
    this.stopRecording?.();
    this.stopRecording = undefined;
    this.events.emit('leader', { leader: false });
  }

  start(): Promise<void> {
    this.job = this.job.then(async () => {
      if (this.runtime || !this.isLeader()) return;
      try {
        const runtime = await this.create();
        if (!runtime) return;
        this.runtime = runtime;
        await runtime.start();
      } catch (error) {
        this.logger.error('engine: sync did not start', { error: String(error) });
        this.events.emit('error', { kind: 'sync', message: 'sync could not start' });
      }
    });
    return this.job;
  }

  stop(): Promise<void> {
    this.job = this.job.then(async () => {
      const runtime = this.runtime;
      this.runtime = undefined;
      await runtime?.stop();
    });
    return this.job;
  }
}
