import { describe, expect, it } from 'vitest';
import { texts, waitFor } from './support/engines';
import { useRelayScene } from './support/relay-scene';

const scene = useRelayScene();

describe('safety numbers', () => {
  it('are equal on both sides, and change (and drop "verified") when a peer links a device', async () => {
    const alice = await scene.person('alice');
    const bob = await scene.person('bob');
    const dm = await alice.engine.createDM(bob.address);
    await alice.engine.send(dm, { type: 'text', body: 'compare numbers?' });
    await waitFor(async () => (await texts(bob.engine, dm)).length === 1, 'Bob to receive');

    const onAlice = await alice.engine.safetyNumber(bob.address);
    const onBob = await bob.engine.safetyNumber(alice.address);
    expect(onAlice.digits).toMatch(/^[0-9]{60}$/);
    expect(onBob.digits).toBe(onAlice.digits);
    expect(onBob.qrPayload).toEqual(onAlice.qrPayload);
    expect(onAlice.verified).toBe(false);

    await alice.engine.setSafetyVerified(bob.address, true);
    expect((await alice.engine.safetyNumber(bob.address)).verified).toBe(true);

    // Bob links a phone: Alice's engine finds the new device in his log when it next encrypts
    // to him (fan-out goes to every device he has).
    const changed: string[] = [];
    alice.engine.on('devices-changed', (e) => changed.push(e.address));
    const phone = await scene.person('bob-2', bob.wallet);
    await alice.engine.send(dm, { type: 'text', body: 'to both of your devices' });
    await waitFor(async () => (await texts(phone.engine, dm)).length === 1, "Bob's phone to get it");
    const after = await alice.engine.safetyNumber(bob.address);
    expect(changed).toContain(bob.address);
    expect(after.digits).not.toBe(onAlice.digits);
    expect(after.verified).toBe(false);
    expect(after.devicesChangedAt).toBeGreaterThan(0);
  });

  it('is refused with a typed error for an account with no verified device log', async () => {
    const alice = await scene.person('alice');
    await expect(alice.engine.safetyNumber(`0x${'12'.repeat(20)}`)).rejects.toMatchObject({
      kind: 'not_found',
    });
  });
});
