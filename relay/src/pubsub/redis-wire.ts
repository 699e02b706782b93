// The messages relays exchange on the Redis channel (docs/operations.md "What Redis carries").
// An envelope or a control travels as where it is (conversation id, seq, position or control
// index); the receiving relay reads the rest from the store. Only routing metadata that is never
// stored (signals) or has no body (created, revoked) travels whole. Every message is parsed with
// zod on the way in: a malformed one is dropped and logged, never delivered.
import { z } from 'zod';
import { Address, Id16 } from '../deps/protocol';
import type { RelayEvent } from './pubsub';

const Count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const HashHex = z.string().regex(/^[0-9a-f]{64}$/);

const Inline = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('created'),
    conversationId: Id16,
    stateHash: HashHex,
    members: z.array(Address).max(10_000),
  }),
  z.object({
    type: z.literal('signal'),
    conversationId: Id16,
    kind: z.enum(['typing', 'presence']),
    active: z.boolean(),
    fromAddress: Address,
    fromDevice: Id16,
  }),
  z.object({ type: z.literal('revoked') }),
]);

export const WireMessage = z.discriminatedUnion('k', [
  z.object({
    k: z.literal('env'),
    o: z.string().max(64),
    t: z.string().max(200),
    c: Id16,
    s: Count,
    p: Count,
  }),
  z.object({ k: z.literal('ctl'), o: z.string().max(64), t: z.string().max(200), c: Id16, i: Count }),
  z.object({ k: z.literal('evt'), o: z.string().max(64), t: z.string().max(200), e: Inline }),
]);
export type WireMessage = z.infer<typeof WireMessage>;

/** What goes on the channel for a local event; undefined for local-only events. */
export function toWire(origin: string, topic: string, event: RelayEvent): WireMessage | undefined {
  switch (event.type) {
    case 'envelope': {
      const e = event.envelope;
      return { k: 'env', o: origin, t: topic, c: e.conversationId, s: e.seq, p: e.position };
    }
    case 'control':
      return { k: 'ctl', o: origin, t: topic, c: event.conversationId, i: event.index };
    case 'created':
      return {
        k: 'evt',
        o: origin,
        t: topic,
        e: {
          type: 'created',
          conversationId: event.conversationId,
          stateHash: event.stateHash,
          members: [...event.members],
        },
      };
    case 'signal':
      return {
        k: 'evt',
        o: origin,
        t: topic,
        e: {
          type: 'signal',
          conversationId: event.conversationId,
          kind: event.kind,
          active: event.active,
          fromAddress: event.fromAddress,
          fromDevice: event.fromDevice,
        },
      };
    case 'revoked':
      return { k: 'evt', o: origin, t: topic, e: { type: 'revoked' } };
    case 'resync':
      return undefined;
  }
}

/** Parses one channel message; undefined when it is not valid JSON or not a WireMessage. */
export function fromWire(raw: string): WireMessage | undefined {
  try {
    const parsed = WireMessage.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
