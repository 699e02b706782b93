import { describe, expect, it } from 'vitest';
import { PREF_TYPING } from '../src/engine-options';
import { conversationList, memberPage, messagePage, syncStatus } from '../src/read-model';
import { bodyOf, texts, waitFor } from './support/engines';
import { useRelayScene } from './support/relay-scene';

const scene = useRelayScene();

describe('the read API and the small writes', () => {
  it('pages messages backwards, lists conversations, marks read, and shows typing', async () => {
    const alice = await scene.person('alice');
    const bob = await scene.person('bob');
    const dm = await alice.engine.createDM(bob.address);
    const sent: string[] = [];
    for (let i = 1; i <= 5; i++) {
      sent.push(await alice.engine.send(dm, { type: 'text', body: `m${i}` }));
    }
    await waitFor(async () => (await texts(bob.engine, dm)).length === 5, 'Bob to get five');

    const newest = await messagePage(bob.engine.db, dm, { limit: 2 });
    expect(newest.messages.flatMap(bodyOf)).toEqual(['m4', 'm5']);
    const older = await messagePage(bob.engine.db, dm, {
      limit: 2,
      ...(newest.olderThan ? { beforeSeq: newest.olderThan } : {}),
    });
    expect(older.messages.flatMap(bodyOf)).toEqual(['m2', 'm3']);

    const [listed] = await conversationList(bob.engine.db);
    expect(listed).toMatchObject({
      id: dm,
      kind: 'dm',
      peer: alice.address,
      unreadCount: 5,
      lastMessagePreview: 'm5',
    });
    expect((await memberPage(bob.engine.db, dm)).map((m) => m.address).sort()).toEqual(
      [alice.address, bob.address].sort(),
    );
    expect(await syncStatus(bob.engine.db)).toMatchObject({ leader: true, connection: { state: 'online' } });

    // Bob reads up to the last one: his count drops, and Alice's messages become read.
    const last = (await bob.engine.db.messages.get(sent[4] ?? ''))?.seq ?? 0;
    await bob.engine.markRead(dm, last);
    expect((await bob.engine.db.conversations.get(dm))?.unreadCount).toBe(0);
    await waitFor(async () => (await alice.engine.db.messages.get(sent[4] ?? ''))?.status === 'read', 'read');
    expect((await alice.engine.db.messages.get(sent[0] ?? ''))?.status).toBe('read');

    // Typing reaches the other side, unless the privacy setting is off.
    const typing: string[][] = [];
    const off = bob.engine.onTyping((c, who) => c === dm && typing.push([...who]));
    alice.engine.setTyping(dm, true);
    await waitFor(() => typing.some((w) => w.includes(alice.address)), 'Bob to see Alice typing');
    alice.engine.setTyping(dm, false);
    await waitFor(() => typing.at(-1)?.length === 0, 'the typing to stop');
    await alice.engine.db.preferences.put({ key: PREF_TYPING, value: false });
    const seen = typing.length;
    alice.engine.setTyping(dm, true);
    await alice.engine.send(dm, { type: 'text', body: 'no typing shown' });
    await waitFor(async () => (await texts(bob.engine, dm)).includes('no typing shown'), 'the last message');
    expect(typing.length).toBe(seen);
    off();
  });
});
