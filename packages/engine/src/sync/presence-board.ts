// What this engine last knew about other accounts' online status (sync/presence.ts feeds it). It
// lives with the Engine, not with the sync runtime, so a listener the UI registers before sync
// starts (or across a reconnect or a change of leader) keeps working; every change is emitted as
// the `presence` event.
import type { EngineEvents, PresenceView } from '../engine-api';
import type { Emitter } from '../events/emitter';

export class PresenceBoard {
  private readonly views = new Map<string, PresenceView>();

  constructor(private readonly events: Emitter<EngineEvents>) {}

  get(address: string): PresenceView | undefined {
    return this.views.get(address);
  }

  all(): PresenceView[] {
    return [...this.views.values()];
  }

  set(view: PresenceView): void {
    const known = this.views.get(view.address);
    if (known && known.online === view.online && known.lastSeen === view.lastSeen) return;
    this.views.set(view.address, view);
    this.events.emit('presence', view);
  }

  /** Forgets everything (the privacy setting went off): each known account becomes unknown. */
  clear(): void {
    const known = [...this.views.keys()];
    this.views.clear();
    for (const address of known) this.events.emit('presence', { address, online: false });
  }
}
