// The one multiplexed `events` subscription: new envelopes (each device gets only its own copy),
// key wraps, membership changes and ephemeral signals, for every conversation the signed-in
// wallet is a member of. Membership is checked when it starts (the topics it joins come from the
// store) and follows control messages as they happen. If the socket falls behind (bufferedAmount
// over the threshold, or the queue full), live pushes stop with one ResyncEvent and the stream
// completes: the client catches up from its cursor and subscribes again.
//
// The engine's own document (OPERATIONS.events) takes the direct path (direct-events.ts): frames
// written straight to the socket from payloads built and serialised once per event. Any other
// document goes through a queue and GraphQL execution, with the same payloads.
import { addressTopic, conversationTopic, type PubSub, type RelayEvent } from '../../pubsub/pubsub';
import type { Session } from '../../store/store';
import type { ConnectionHandle, RelayContext } from '../context';
import { DirectEvents } from '../direct-events';
import { type EventPayload, payloadsFor } from '../event-payloads';
import { EventQueue } from '../event-queue';
import type { Resolvers } from './types';

const QUEUE_CAPACITY = 1000;

async function myConversationIds(ctx: RelayContext, address: string): Promise<string[]> {
  const ids: string[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await ctx.services.store.listConversations(address, after, 500);
    ids.push(...page.items.map((c) => c.id));
    if (!page.hasMore) return ids;
    after = page.items.at(-1)?.id;
  }
}

/** `directId`: the graphql-ws operation id when this is the engine's own document on a socket. */
export function openEventStream(
  pubsub: PubSub,
  connection: ConnectionHandle | undefined,
  me: Session,
  conversationIds: readonly string[],
  directId?: string,
): DirectEvents | EventQueue<EventPayload> {
  const unsubscribe = new Map<string, () => void>();
  const onClose = () => {
    for (const off of unsubscribe.values()) off();
    unsubscribe.clear();
  };
  const queue: DirectEvents | EventQueue<EventPayload> =
    connection !== undefined && directId !== undefined
      ? new DirectEvents(connection, directId, onClose)
      : new EventQueue<EventPayload>(QUEUE_CAPACITY, onClose);
  const resync = (reason: string) =>
    queue.end({ __typename: 'ResyncEvent', errorKind: 'backpressure', reason });

  const join = (topic: string) => {
    if (unsubscribe.has(topic) || queue.closed) return;
    unsubscribe.set(topic, pubsub.subscribe(topic, handle));
  };
  const leave = (topic: string) => {
    unsubscribe.get(topic)?.();
    unsubscribe.delete(topic);
  };

  function handle(e: RelayEvent) {
    if (queue.closed) return;
    if (e.type === 'resync') {
      resync('the relay may have missed events; catch up from your cursor, then subscribe again');
      return;
    }
    // Follow membership: joined conversations start flowing, left ones stop after this event.
    if (e.type === 'created') join(conversationTopic(e.conversationId));
    if (e.type === 'control' && e.action === 'add' && e.targets.includes(me.address)) {
      join(conversationTopic(e.conversationId));
    }
    if (connection?.congested() === true) {
      resync('the connection fell behind; catch up from your cursor, then subscribe again');
      return;
    }
    for (const payload of payloadsFor(e, me)) {
      if (!queue.push(payload)) {
        resync('too many undelivered events; catch up from your cursor, then subscribe again');
        return;
      }
    }
    if (e.type === 'control' && e.action === 'remove' && e.targets.includes(me.address)) {
      leave(conversationTopic(e.conversationId));
    }
  }

  join(addressTopic(me.address));
  for (const id of conversationIds) join(conversationTopic(id));
  return queue;
}

export const eventResolvers: Resolvers = {
  Subscription: {
    events: {
      subscribe: async (_, __, ctx) => {
        const me = ctx.requireSession();
        // Topics are joined once the membership read returns; the client catches up from its
        // cursor after subscribing and de-duplicates by (conversationId, seq).
        return openEventStream(
          ctx.services.pubsub,
          ctx.connection,
          me,
          await myConversationIds(ctx, me.address),
          ctx.directOperationId,
        );
      },
    },
  },
};
