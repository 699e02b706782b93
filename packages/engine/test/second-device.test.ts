import { describe, expect, it } from 'vitest';
import { texts, waitFor } from './support/engines';
import { useRelayScene } from './support/relay-scene';

const scene = useRelayScene();

describe('a second device of the same wallet', () => {
  it("receives Bob's messages and Alice's own sent messages from the moment it is linked", async () => {
    const alice = await scene.person('alice-1');
    const bob = await scene.person('bob');
    const dm = await alice.engine.createDM(bob.address);
    await alice.engine.send(dm, { type: 'text', body: 'before the second device' });
    await waitFor(async () => (await texts(bob.engine, dm)).length === 1, 'Bob to get the first message');

    // Same wallet, another browser: SIWE plus one link-device signature.
    const signatures = alice.wallet.signatures;
    const phone = await scene.person('alice-2', alice.wallet);
    expect(alice.wallet.signatures - signatures).toBe(2);
    expect(phone.deviceId).not.toBe(alice.deviceId);

    await bob.engine.send(dm, { type: 'text', body: 'from Bob after the link' });
    await alice.engine.send(dm, { type: 'text', body: 'from Alice after the link' });
    await waitFor(async () => (await texts(phone.engine, dm)).length === 2, 'the second device to get both');
    const rows = await phone.engine.db.messages.where('conversationId').equals(dm).toArray();
    const byBody = new Map(
      rows.map((r) => [
        typeof r.content === 'object' && r.content !== null && 'body' in r.content ? r.content.body : '',
        r,
      ]),
    );
    expect(byBody.get('from Bob after the link')?.mine).toBe(0);
    expect(byBody.get('from Alice after the link')?.mine).toBe(1);
    expect(byBody.get('from Alice after the link')?.senderDevice).toBe(alice.deviceId);
    // History before the link is a later issue: it is not there.
    expect(byBody.has('before the second device')).toBe(false);

    // And the second device can write: Bob and Alice's first device both get it.
    await phone.engine.send(dm, { type: 'text', body: 'from the phone' });
    await waitFor(async () => (await texts(bob.engine, dm)).includes('from the phone'), 'Bob to get it');
    await waitFor(
      async () => (await texts(alice.engine, dm)).includes('from the phone'),
      'the first device to get it',
    );
    // Bob's engine was told (devices-changed) and his pinned log now lists two devices for Alice.
    const identity = await bob.engine.db.identities.get(alice.address);
    expect(identity?.entries.length).toBe(2);
  });
});
