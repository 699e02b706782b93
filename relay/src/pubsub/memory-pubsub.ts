// In-process PubSub: one relay process, handlers called synchronously in subscription order.
import type { PubSub, RelayEvent } from './pubsub';

export function createMemoryPubSub(): PubSub {
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
    async close() {
      topics.clear();
    },
  };
}
