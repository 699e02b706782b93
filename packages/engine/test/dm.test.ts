import { describe, expect, it } from 'vitest';
import { texts, waitFor } from './support/engines';
import { useRelayScene } from './support/relay-scene';

const scene = useRelayScene();

describe('direct messages', () => {
  it('Alice and Bob exchange messages in real time, both ways', async () => {
    const alice = await scene.person('alice');
    const bob = await scene.person('bob');
    const drops: string[] = [];
    for (const p of [alice, bob])
      p.engine.on('connection', (c) => c.state === 'reconnecting' && drops.push(c.state));
    // First sign-in on a device: one SIWE prompt and one link-device prompt.
    expect(alice.wallet.signatures).toBe(2);

    const dm = await alice.engine.createDM(bob.address);
    const first = await alice.engine.send(dm, { type: 'text', body: 'hello Bob' });
    expect((await alice.engine.db.messages.get(first))?.status).toBe('pending');

    await waitFor(async () => (await texts(bob.engine, dm)).includes('hello Bob'), 'Bob to receive');
    await bob.engine.send(dm, { type: 'text', body: 'hi Alice' });
    await waitFor(async () => (await texts(alice.engine, dm)).includes('hi Alice'), 'Alice to receive');

    await alice.engine.send(dm, { type: 'text', body: 'how are you?' });
    await waitFor(async () => (await texts(bob.engine, dm)).length === 3, 'Bob to have three');
    expect(await texts(bob.engine, dm)).toEqual(['hello Bob', 'hi Alice', 'how are you?']);
    expect(await texts(alice.engine, dm)).toEqual(['hello Bob', 'hi Alice', 'how are you?']);

    // Bob's engine acknowledged delivery: Alice's first message moves on from sent.
    await waitFor(
      async () => (await alice.engine.db.messages.get(first))?.status === 'delivered',
      'delivered',
    );
    const conv = await bob.engine.db.conversations.get(dm);
    expect(conv?.peer).toBe(alice.address);
    expect(conv?.unreadCount).toBe(2);
    // One socket each, the whole time.
    expect(drops).toEqual([]);
  });
});
