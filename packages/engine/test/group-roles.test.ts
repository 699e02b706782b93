import { describe, expect, it } from 'vitest';
import { texts, waitFor } from './support/engines';
import { useRelayScene } from './support/relay-scene';

const scene = useRelayScene();

describe('group roles', () => {
  it('an admin makes a member admin, who can then remove someone; a member cannot change roles', async () => {
    const alice = await scene.person('alice');
    const bob = await scene.person('bob');
    const carol = await scene.person('carol');
    const group = await alice.engine.createGroup('desk', [bob.address, carol.address]);
    await alice.engine.send(group, { type: 'text', body: 'hello desk' });
    await waitFor(async () => (await texts(bob.engine, group)).includes('hello desk'), 'Bob to read');
    await waitFor(async () => (await texts(carol.engine, group)).includes('hello desk'), 'Carol to read');

    // A member may not promote anyone (checked against the verified roles, before the relay).
    await expect(carol.engine.setRole(group, carol.address, 'admin')).rejects.toMatchObject({
      kind: 'forbidden',
    });

    await alice.engine.setRole(group, bob.address, 'admin');
    const roleOf = async (who: typeof bob, address: string) =>
      (await who.engine.db.conversations.get(group))?.verifiedMembers?.[address];
    expect(await roleOf(alice, bob.address)).toBe('admin');
    // Everyone reads on in the new epoch the promotion started.
    await alice.engine.send(group, { type: 'text', body: 'bob runs the desk now' });
    await waitFor(async () => (await texts(carol.engine, group)).includes('bob runs the desk now'), 'Carol');
    await waitFor(async () => (await roleOf(bob, bob.address)) === 'admin', 'Bob to see his promotion');

    // As an admin, Bob removes Carol; Alice and Bob read on, Carol is out.
    await bob.engine.removeMembers(group, [carol.address]);
    await bob.engine.send(group, { type: 'text', body: 'after carol' });
    await waitFor(async () => (await texts(alice.engine, group)).includes('after carol'), 'Alice');
    await waitFor(
      async () => (await carol.engine.db.conversations.get(group))?.active === false,
      'Carol out',
    );
    expect(await texts(carol.engine, group)).not.toContain('after carol');

    // Alice demotes Bob: he can no longer change the group.
    await alice.engine.setRole(group, bob.address, 'member');
    await waitFor(async () => (await roleOf(bob, bob.address)) === 'member', 'Bob to see his demotion');
    await expect(bob.engine.addMembers(group, [carol.address])).rejects.toMatchObject({ kind: 'forbidden' });
  });
});
