// send, history, catchUp and signal. Envelope bodies are opaque base64url: never decoded here.
import { z } from 'zod';
import {
  base64urlLength,
  EnvelopeBatchIn,
  type EnvelopeIn,
  Id16,
  MAX_BATCH_BODY_BYTES,
  MAX_BATCH_ENVELOPES,
  MAX_ENVELOPE_BODY_BYTES,
  ProtocolError,
} from '../../deps/protocol';
import { conversationTopic } from '../../pubsub/pubsub';
import type { NewEnvelope, StoredEnvelope } from '../../store/store';
import { cursor, first, nonNegative } from '../args';
import { requireMember } from '../membership';
import type { Resolvers } from './types';

const HistoryArgs = z.object({ conversationId: Id16, afterSeq: nonNegative, first: first(500, 100) });
const CatchUpArgs = z.object({ cursor, first: first(500, 100) });
const SignalArgs = z.object({
  conversationId: Id16,
  kind: z.enum(['typing', 'presence']),
  active: z.boolean(),
});

/** Size caps first, so an oversized batch is too_large rather than a schema error. */
function checkSizes(raw: unknown) {
  if (!Array.isArray(raw)) return;
  if (raw.length > MAX_BATCH_ENVELOPES) {
    throw new ProtocolError('too_large', `at most ${MAX_BATCH_ENVELOPES} envelopes per send`);
  }
  const max = base64urlLength(MAX_ENVELOPE_BODY_BYTES);
  let total = 0;
  for (const e of raw) {
    const body: unknown = typeof e === 'object' && e !== null && 'body' in e ? e.body : undefined;
    if (typeof body !== 'string') continue;
    if (body.length > max) {
      throw new ProtocolError('too_large', `an envelope body is over ${MAX_ENVELOPE_BODY_BYTES} bytes`);
    }
    total += body.length;
  }
  if (total > base64urlLength(MAX_BATCH_BODY_BYTES)) {
    throw new ProtocolError('too_large', `the bodies of one send are over ${MAX_BATCH_BODY_BYTES} bytes`);
  }
}

/**
 * Groups a batch into messages: envelopes sharing a client id are one message with one seq,
 * either a single shared body (no recipientDevice) or one copy per recipient device.
 */
export function groupBatch(batch: readonly EnvelopeIn[]): NewEnvelope[] {
  const byId = new Map<string, EnvelopeIn[]>();
  for (const e of batch) byId.set(e.clientId, [...(byId.get(e.clientId) ?? []), e]);
  return [...byId.entries()].map(([clientId, parts]) => {
    const conversationId = parts[0]?.conversationId ?? '';
    if (parts.some((p) => p.conversationId !== conversationId)) {
      throw new ProtocolError('bad_request', 'one client id names two conversations');
    }
    const shared = parts.filter((p) => p.recipientDevice === undefined);
    if (shared.length > 0 && parts.length > 1) {
      throw new ProtocolError('bad_request', 'a client id is either one shared body or per-device copies');
    }
    return {
      conversationId,
      clientId,
      body: shared[0]?.body,
      copies: parts.flatMap((p) =>
        p.recipientDevice === undefined ? [] : [{ recipientDevice: p.recipientDevice, body: p.body }],
      ),
    };
  });
}

function envelopeOut(e: StoredEnvelope & { body: string }) {
  return {
    conversationId: e.conversationId,
    clientId: e.clientId,
    body: e.body,
    recipientDevice: e.recipientDevice ?? null,
    seq: e.seq,
    senderAddress: e.senderAddress,
    senderDevice: e.senderDevice,
    serverTime: e.serverTime,
  };
}

/** Only what this device may read: shared bodies and its own copies. */
const readable = (items: readonly StoredEnvelope[]) =>
  items.flatMap((e) => (e.body === undefined ? [] : [envelopeOut({ ...e, body: e.body })]));

export const envelopeResolvers: Resolvers = {
  Query: {
    history: async (_, args, ctx) => {
      const session = ctx.requireSession();
      const a = HistoryArgs.parse(args);
      await requireMember(ctx.services.store, a.conversationId, session.address);
      const page = await ctx.services.store.history(a.conversationId, session.deviceId, a.afterSeq, a.first);
      return {
        items: readable(page.items),
        hasMore: page.hasMore,
        throughSeq: page.items.at(-1)?.seq ?? a.afterSeq,
      };
    },
    catchUp: async (_, args, ctx) => {
      const session = ctx.requireSession();
      const a = CatchUpArgs.parse(args);
      const page = await ctx.services.store.catchUp(session.address, session.deviceId, a.cursor, a.first);
      return {
        items: readable(page.items),
        hasMore: page.hasMore,
        cursor: String(page.items.at(-1)?.position ?? a.cursor),
      };
    },
  },
  Mutation: {
    send: async (_, args, ctx) => {
      const session = ctx.requireSession();
      checkSizes(args.envelopes);
      const batch = EnvelopeBatchIn.parse(args.envelopes);
      const s = ctx.services;
      const { receipts, stored } = await s.store.appendEnvelopes(
        session.address,
        session.deviceId,
        groupBatch(batch),
        s.clock.now(),
      );
      // Published after the commit above: a subscriber never sees an unacknowledged envelope.
      for (const envelope of stored)
        await s.pubsub.publish(conversationTopic(envelope.conversationId), { type: 'envelope', envelope });
      return receipts;
    },
    signal: async (_, args, ctx) => {
      const session = ctx.requireSession();
      const a = SignalArgs.parse(args);
      await requireMember(ctx.services.store, a.conversationId, session.address);
      await ctx.services.pubsub.publish(conversationTopic(a.conversationId), {
        type: 'signal',
        ...a,
        fromAddress: session.address,
        fromDevice: session.deviceId,
      });
      return true;
    },
  },
};
