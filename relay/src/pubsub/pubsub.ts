// The PubSub port: fan-out of events after they are committed. Publishing happens only after the
// store's transaction commits, so a subscriber never sees an event the store does not have.
// Events are plain JSON-able objects. The Redis adapter (redis-pubsub.ts) carries only where an
// envelope or control is (ids, seq, position) and each relay reads the rest from the store.
import type { FannedEnvelope } from '../store/store';

export type RelayEvent =
  | { readonly type: 'envelope'; readonly envelope: FannedEnvelope }
  | {
      readonly type: 'control';
      readonly conversationId: string;
      readonly action: string;
      readonly targets: readonly string[];
      readonly stateHash: string;
      readonly index: number;
      readonly control: string;
      readonly wraps: ReadonlyArray<{ readonly recipientDevice: string; readonly body: string }>;
    }
  | {
      readonly type: 'created';
      readonly conversationId: string;
      readonly stateHash: string;
      readonly members: readonly string[];
    }
  | {
      readonly type: 'signal';
      readonly conversationId: string;
      readonly kind: 'typing' | 'presence';
      readonly active: boolean;
      readonly fromAddress: string;
      readonly fromDevice: string;
    }
  /** A session (or every session of a device) was revoked: its sockets close with 4401. */
  | { readonly type: 'revoked' }
  /**
   * Local only, never published: this relay may have missed events (it lost Redis for a while).
   * Event streams end with a ResyncEvent so clients catch up; connections re-check their session.
   */
  | { readonly type: 'resync' };

export interface PubSubHealth {
  readonly mode: 'memory' | 'redis';
  /** True while events from other relays may be missed (Redis unreachable or refusing). */
  readonly degraded: boolean;
}

export interface PubSub {
  publish(topic: string, event: RelayEvent): Promise<void>;
  /** Returns the unsubscribe function. Handlers must not throw. */
  subscribe(topic: string, handler: (event: RelayEvent) => void): () => void;
  health(): PubSubHealth;
  close(): Promise<void>;
}

export const conversationTopic = (conversationId: string) => `conv:${conversationId}`;
export const addressTopic = (address: string) => `addr:${address}`;
export const sessionTopic = (tokenHash: string) => `session:${tokenHash}`;
export const deviceTopic = (address: string, deviceId: string) => `device:${address}:${deviceId}`;
