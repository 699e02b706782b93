import { describe, expect, it, vi } from 'vitest';
import { createMemoryPubSub } from '../../pubsub/memory-pubsub';
import { conversationTopic, type RelayEvent } from '../../pubsub/pubsub';
import { openEventStream } from './events';

const me = { address: `0x${'a'.repeat(40)}`, deviceId: 'd'.repeat(32), createdAt: 0, expiresAt: 1 };
const conv = 'c'.repeat(32);
const envelope = (
  seq: number,
  overrides: Partial<Extract<RelayEvent, { type: 'envelope' }>['envelope']> = {},
): RelayEvent => ({
  type: 'envelope',
  envelope: {
    conversationId: conv,
    seq,
    position: seq,
    clientId: 'e'.repeat(32),
    senderAddress: `0x${'b'.repeat(40)}`,
    senderDevice: 'f'.repeat(32),
    serverTime: 1,
    body: 'AAAA',
    recipientDevice: undefined,
    copies: [],
    ...overrides,
  },
});

async function drain(it: AsyncIterator<unknown>, n: number) {
  const out: unknown[] = [];
  for (let i = 0; i < n; i++) {
    const r = await it.next();
    if (r.done) break;
    out.push(r.value);
  }
  return out;
}

describe('events stream', () => {
  it('stops live pushes with one ResyncEvent once the socket is congested, and completes', async () => {
    const pubsub = createMemoryPubSub();
    let congested = false;
    const stream = openEventStream(
      pubsub,
      { id: 'c1', congested: () => congested, push: () => undefined },
      me,
      [conv],
    );
    await pubsub.publish(conversationTopic(conv), envelope(1));
    congested = true;
    await pubsub.publish(conversationTopic(conv), envelope(2));
    congested = false;
    await pubsub.publish(conversationTopic(conv), envelope(3));
    const got = await drain(stream, 5);
    expect(got.map((e) => (e as { __typename: string }).__typename)).toEqual([
      'EnvelopeEvent',
      'ResyncEvent',
    ]);
    expect(got[1]).toEqual(expect.objectContaining({ errorKind: 'backpressure' }));
    expect((await stream.next()).done).toBe(true);
  });

  it('resyncs when the queue overflows, and unsubscribes from every topic when closed', async () => {
    const pubsub = createMemoryPubSub();
    const stream = openEventStream(pubsub, undefined, me, [conv]);
    for (let i = 1; i <= 1001; i++) await pubsub.publish(conversationTopic(conv), envelope(i));
    const got = await drain(stream, 1002);
    expect(got).toHaveLength(1001);
    expect(got.at(-1)).toEqual(expect.objectContaining({ __typename: 'ResyncEvent' }));
    // Closed: a later publish reaches no handler.
    await pubsub.publish(conversationTopic(conv), envelope(2000));
    expect((await stream.next()).done).toBe(true);
  });

  it("skips the sender's own device and copies for other devices", async () => {
    const pubsub = createMemoryPubSub();
    const stream = openEventStream(pubsub, undefined, me, [conv]);
    await pubsub.publish(
      conversationTopic(conv),
      envelope(1, { senderAddress: me.address, senderDevice: me.deviceId }),
    );
    await pubsub.publish(
      conversationTopic(conv),
      envelope(2, { body: undefined, copies: [{ recipientDevice: '0'.repeat(32), body: 'eA' }] }),
    );
    await pubsub.publish(
      conversationTopic(conv),
      envelope(3, { body: undefined, copies: [{ recipientDevice: me.deviceId, body: 'bWU' }] }),
    );
    const [only] = await drain(stream, 1);
    expect(only).toEqual(
      expect.objectContaining({
        envelope: expect.objectContaining({ seq: 3, body: 'bWU', recipientDevice: me.deviceId }),
      }),
    );
    await stream.return();
  });

  it('writes direct frames: one JSON.stringify per shared event, whatever the number of sockets', async () => {
    const pubsub = createMemoryPubSub();
    const frames: string[][] = [];
    const streams = Array.from({ length: 50 }, (_, i) => {
      const mine: string[] = [];
      frames.push(mine);
      const conn = { id: `c${i}`, congested: () => false, push: (f: string) => mine.push(f) };
      const who = { ...me, deviceId: i.toString(16).padStart(32, '0') };
      return openEventStream(pubsub, conn, who, [conv], `op-${i}`);
    });
    const stringify = vi.spyOn(JSON, 'stringify');
    try {
      await pubsub.publish(conversationTopic(conv), envelope(1));
      expect(stringify).toHaveBeenCalledTimes(1);
    } finally {
      stringify.mockRestore();
    }
    const payloads = new Set(frames.map((f) => f[0]?.slice(f[0].indexOf('"payload":'))));
    expect(payloads.size).toBe(1);
    expect(JSON.parse(frames[7]?.[0] ?? '')).toEqual({
      id: 'op-7',
      type: 'next',
      payload: {
        data: {
          events: {
            __typename: 'EnvelopeEvent',
            envelope: {
              conversationId: conv,
              clientId: 'e'.repeat(32),
              body: 'AAAA',
              recipientDevice: null,
              seq: 1,
              senderAddress: `0x${'b'.repeat(40)}`,
              senderDevice: 'f'.repeat(32),
              serverTime: 1,
            },
          },
        },
      },
    });
    // A resync writes its ResyncEvent, then each stream completes and leaves every topic.
    const first = streams[0];
    const done = first?.next();
    await pubsub.publish(conversationTopic(conv), { type: 'resync' });
    expect(await done).toEqual({ value: undefined, done: true });
    expect(JSON.parse(frames[0]?.at(-1) ?? '').payload.data.events.__typename).toBe('ResyncEvent');
    await pubsub.publish(conversationTopic(conv), envelope(2));
    expect(frames.map((f) => f.length)).toEqual(frames.map(() => 2));
  });
});
