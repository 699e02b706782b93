// Typing signals (ephemeral, never stored: docs/relay.md "signal"). Outgoing: at most one `typing
// on` per conversation every few seconds while the person types, and `off` after a pause.
// Incoming: who is typing where, expiring on their own if the `off` never comes.
import type { Clock } from '../ports/clock';
import type { Logger } from '../ports/logger';
import type { RelayApi } from '../transport/relay-api';
import type { RelayEventOut } from '../transport/relay-schemas';

export const TYPING_REPEAT_MS = 3_000;
export const TYPING_EXPIRE_MS = 6_000;

export type TypingListener = (conversationId: string, typing: readonly string[]) => void;

export class TypingSignals {
  private readonly lastSent = new Map<string, number>();
  private readonly incoming = new Map<string, Map<string, unknown>>();
  private readonly listeners = new Set<TypingListener>();

  constructor(
    private readonly api: RelayApi,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  async send(conversationId: string, active: boolean): Promise<void> {
    const now = this.clock.now();
    const last = this.lastSent.get(conversationId);
    if (active && last !== undefined && now - last < TYPING_REPEAT_MS) return;
    if (!active && last === undefined) return;
    if (active) this.lastSent.set(conversationId, now);
    else this.lastSent.delete(conversationId);
    try {
      await this.api.signal(conversationId, 'typing', active);
    } catch (error) {
      this.logger.debug('typing: signal failed', { error: String(error) });
    }
  }

  received(e: Extract<RelayEventOut, { __typename: 'SignalEvent' }>): void {
    if (e.kind !== 'typing') return;
    const who = this.incoming.get(e.conversationId) ?? new Map<string, unknown>();
    const timer = who.get(e.fromAddress);
    if (timer !== undefined) this.clock.clearTimeout(timer);
    if (e.active) {
      who.set(
        e.fromAddress,
        this.clock.setTimeout(() => this.received({ ...e, active: false }), TYPING_EXPIRE_MS),
      );
    } else who.delete(e.fromAddress);
    this.incoming.set(e.conversationId, who);
    const typing = [...who.keys()];
    for (const listener of this.listeners) listener(e.conversationId, typing);
  }

  onChange(listener: TypingListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  stop(): void {
    for (const who of this.incoming.values())
      for (const timer of who.values()) this.clock.clearTimeout(timer);
    this.incoming.clear();
    this.listeners.clear();
  }
}
