// What the `events` subscription sends for each pub/sub event, built and serialised once. A
// payload every subscriber sees alike (a shared-body envelope, a membership change, a signal) is
// one object per event, and its JSON text is one string per object, so a relay fanning an event
// out to many sockets builds and stringifies it once; only per-device payloads (a ratchet copy, a
// key wrap) are built per subscriber, and each of those has exactly one reader anyway.
//
// Each payload carries exactly the fields of the engine's `events` operation
// (OPERATIONS.events in @parley/protocol), in its selection order, so the JSON text is what
// GraphQL execution of that document would produce (relay/test/events-fast-path.test.ts checks).
import type { RelayEvent } from '../pubsub/pubsub';
import type { Session } from '../store/store';

export type EventPayload = { readonly __typename: string } & Record<string, unknown>;

const shared = new WeakMap<RelayEvent, EventPayload>();
const json = new WeakMap<EventPayload, string>();

function once(e: RelayEvent, build: () => EventPayload): EventPayload {
  let p = shared.get(e);
  if (p === undefined) {
    p = build();
    shared.set(e, p);
  }
  return p;
}

const envelopePayload = (
  env: Extract<RelayEvent, { type: 'envelope' }>['envelope'],
  body: string,
  recipientDevice: string | null,
): EventPayload => ({
  __typename: 'EnvelopeEvent',
  envelope: {
    conversationId: env.conversationId,
    clientId: env.clientId,
    body,
    recipientDevice,
    seq: env.seq,
    senderAddress: env.senderAddress,
    senderDevice: env.senderDevice,
    serverTime: env.serverTime,
  },
});

/** The payloads `me` gets for `e`: none, one, or (a control with my key wrap) two. */
export function payloadsFor(e: RelayEvent, me: Session): EventPayload[] {
  switch (e.type) {
    case 'envelope': {
      const env = e.envelope;
      if (env.senderDevice === me.deviceId && env.senderAddress === me.address) return [];
      if (env.body !== undefined) {
        const body = env.body;
        return [once(e, () => envelopePayload(env, body, null))];
      }
      const copy = env.copies.find((c) => c.recipientDevice === me.deviceId);
      return copy === undefined ? [] : [envelopePayload(env, copy.body, me.deviceId)];
    }
    case 'control': {
      const membership = once(e, () => ({
        __typename: 'MembershipEvent',
        conversationId: e.conversationId,
        action: e.action,
        targets: e.targets,
        stateHash: e.stateHash,
        index: e.index,
        control: e.control,
      }));
      const wrap = e.wraps.find((w) => w.recipientDevice === me.deviceId);
      if (wrap === undefined) return [membership];
      return [
        membership,
        {
          __typename: 'KeyWrapEvent',
          conversationId: e.conversationId,
          controlIndex: e.index,
          body: wrap.body,
        },
      ];
    }
    case 'created':
      return [
        once(e, () => ({
          __typename: 'MembershipEvent',
          conversationId: e.conversationId,
          action: 'create',
          targets: e.members,
          stateHash: e.stateHash,
          index: null,
          control: null,
        })),
      ];
    case 'signal':
      if (e.fromDevice === me.deviceId && e.fromAddress === me.address) return [];
      return [
        once(e, () => ({
          __typename: 'SignalEvent',
          conversationId: e.conversationId,
          kind: e.kind,
          active: e.active,
          fromAddress: e.fromAddress,
          fromDevice: e.fromDevice,
        })),
      ];
    case 'revoked':
    case 'resync':
      return [];
  }
}

/** `{"data":{"events":…}}` for a payload: stringified the first time, reused after. */
export function resultJson(p: EventPayload): string {
  let s = json.get(p);
  if (s === undefined) {
    s = `{"data":{"events":${JSON.stringify(p)}}}`;
    json.set(p, s);
  }
  return s;
}
