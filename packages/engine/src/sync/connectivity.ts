// Follows the Network port for the syncing tab (ports/network.ts). Offline: the sync loop and the
// outbox are paused (stopped, so no backoff timer spends reconnect attempts on a network that is
// not there) and the connection state is `offline`. Online again: both start at once, with the
// attempt count back at zero. Changes are handled one after another, so a quick offline-online
// flap cannot leave the loop stopped.
import type { EngineEvents } from '../engine-api';
import type { Emitter } from '../events/emitter';
import type { Network } from '../ports/network';

export interface ConnectivityDeps {
  readonly network: Network;
  readonly events: Emitter<EngineEvents>;
  /** Stops everything that reaches the relay; must stop it synchronously before resolving. */
  pause(): Promise<void>;
  /** Starts it again (connects at once). */
  resume(): void;
}

export class Connectivity {
  private online = true;
  private running = false;
  private unsubscribe: (() => void) | undefined;
  private job: Promise<void> = Promise.resolve();

  constructor(private readonly d: ConnectivityDeps) {}

  get isOnline(): boolean {
    return this.online;
  }

  /** Starts following the network, and resumes now unless the platform says offline. */
  start(): void {
    this.running = true;
    this.unsubscribe = this.d.network.subscribe((online) => this.change(online));
    this.online = this.d.network.onLine;
    if (this.online) this.d.resume();
    else this.d.events.emit('connection', { state: 'offline' });
  }

  /** Stops following; the caller stops the loop and the outbox itself. */
  async stop(): Promise<void> {
    this.running = false;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    await this.job;
  }

  private change(online: boolean): void {
    this.job = this.job.then(async () => {
      if (!this.running || online === this.online) return;
      this.online = online;
      if (online) {
        this.d.resume();
        return;
      }
      // pause() stops the loop synchronously, so nothing it emits can follow this `offline`.
      const paused = this.d.pause();
      this.d.events.emit('connection', { state: 'offline' });
      await paused.catch(() => undefined);
    });
  }
}
