// setTyping's debounce: the composer calls it on every keystroke; the relay hears `typing on` at
// most once per TYPING_REPEAT_MS (typing.ts) and `typing off` once the person pauses for
// TYPING_IDLE_MS or sends.
import type { Clock } from './ports/clock';
import { TYPING_REPEAT_MS } from './sync/typing';

export const TYPING_IDLE_MS = 4_000;

export class TypingDebounce {
  private readonly timers = new Map<string, unknown>();
  private readonly lastOn = new Map<string, number>();

  constructor(
    private readonly clock: Clock,
    private readonly signal: (conversationId: string, active: boolean) => Promise<void>,
  ) {}

  set(conversationId: string, typing: boolean): void {
    const timer = this.timers.get(conversationId);
    if (timer !== undefined) this.clock.clearTimeout(timer);
    if (!typing) {
      if (timer !== undefined) this.off(conversationId);
      return;
    }
    const now = this.clock.now();
    const last = this.lastOn.get(conversationId);
    if (last === undefined || now - last >= TYPING_REPEAT_MS) {
      this.lastOn.set(conversationId, now);
      void this.signal(conversationId, true);
    }
    this.timers.set(
      conversationId,
      this.clock.setTimeout(() => this.off(conversationId), TYPING_IDLE_MS),
    );
  }

  private off(conversationId: string): void {
    this.timers.delete(conversationId);
    this.lastOn.delete(conversationId);
    void this.signal(conversationId, false);
  }

  stop(): void {
    for (const timer of this.timers.values()) this.clock.clearTimeout(timer);
    this.timers.clear();
    this.lastOn.clear();
  }
}
