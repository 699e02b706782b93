// In-process PubSub: one relay process, handlers called synchronously in subscription order. The
// Redis adapter uses the same bus for its own sockets (LocalBus adds what it needs to ask).
import type { PubSub, RelayEvent } from './pubsub';

export interface LocalBus extends PubSub {
  /** True while some handler on this process listens to `topic`. */
  has(topic: string): boolean;
  /** Every topic with a local handler. */
  topics(): string[];
}

export function createMemoryPubSub(): LocalBus {
  const topics = new Map<string, Set<(event: RelayEvent) => void>>();
  return {
    async publish(topic, event) {
      for (const handler of [...(topics.get(topic) ?? [])]) handler(event);
    },
    subscribe(topic, handler) {
      let set = topics.get(topic);
      if (set === undefined) {
        set = new Set();
        topics.set(topic, set);
      }
      set.add(handler);
      return () => {
        const current = topics.get(topic);
        current?.delete(handler);
        if (current?.size === 0) topics.delete(topic);
      };
    },
    has: (topic) => topics.has(topic),
    topics: () => [...topics.keys()],
    health: () => ({ mode: 'memory', degraded: false }),
    async close() {
      topics.clear();
    },
  };
}
