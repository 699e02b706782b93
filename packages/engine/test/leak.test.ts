import { liveQuery } from 'dexie';
import { describe, expect, it } from 'vitest';
import { conversationList, messagePage, syncStatus } from '../src/read-model';
import { texts, waitFor } from './support/engines';
import { useRelayScene } from './support/relay-scene';

const scene = useRelayScene();

describe('no leaked subscriptions', () => {
  it('1,000 mounts and unmounts of a conversation screen leave only the one events subscription open', async () => {
    const alice = await scene.person('alice');
    const bob = await scene.person('bob');
    const dm = await alice.engine.createDM(bob.address);
    await alice.engine.send(dm, { type: 'text', body: 'hi' });
    await waitFor(async () => (await texts(bob.engine, dm)).length === 1, 'Bob to get it');
    await waitFor(() => bob.engine.openOperations === 1, 'Bob to be idle but subscribed');
    const before = {
      connection: bob.engine.listenerCount('connection'),
      sync: bob.engine.listenerCount('sync'),
    };

    let renders = 0;
    for (let i = 0; i < 1_000; i++) {
      // What a conversation screen subscribes to while it is mounted...
      const offConnection = bob.engine.on('connection', () => undefined);
      const offSync = bob.engine.on('sync', () => undefined);
      const offTyping = bob.engine.onTyping(() => undefined);
      const page = liveQuery(() => messagePage(bob.engine.db, dm, { limit: 20 })).subscribe({
        next: () => renders++,
      });
      const list = liveQuery(() => conversationList(bob.engine.db)).subscribe({ next: () => renders++ });
      const status = liveQuery(() => syncStatus(bob.engine.db)).subscribe({ next: () => renders++ });
      if (i % 100 === 0) await new Promise((r) => setTimeout(r, 10));
      // ...and what it releases when it unmounts.
      page.unsubscribe();
      list.unsubscribe();
      status.unsubscribe();
      offTyping();
      offSync();
      offConnection();
    }
    expect(renders).toBeGreaterThan(0);
    expect(bob.engine.listenerCount('connection')).toBe(before.connection);
    expect(bob.engine.listenerCount('sync')).toBe(before.sync);
    // Requests the engine makes on its own (a receipt, a catch-up) may be in flight right now;
    // they end. A leaked subscription would not, and this would time out.
    await waitFor(() => bob.engine.openOperations === 1, 'the operations in flight to end');

    // Still live afterwards.
    await alice.engine.send(dm, { type: 'text', body: 'still there?' });
    await waitFor(async () => (await texts(bob.engine, dm)).length === 2, 'Bob to get the second');
    await waitFor(() => bob.engine.openOperations === 1, 'only the events subscription to stay open');
  });
});
