import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../src/engine';
import { newBrowser, newEngine, signedInPerson, texts, waitFor } from './support/engines';
import { type RunningRelay, startRelay } from './support/relay-harness';
import { TestWallet } from './support/test-wallet';

let relay: RunningRelay;
const engines: Engine[] = [];

beforeAll(async () => {
  relay = await startRelay();
}, 60_000);

afterAll(async () => {
  for (const e of engines) await e.stop();
  await relay?.close();
});

describe('two tabs on one database', () => {
  it('only one syncs; the other takes over when it closes; nothing is sent twice', async () => {
    const bob = await signedInPerson(relay.url, 'bob');
    engines.push(bob.engine);
    const wallet = new TestWallet();
    const browser = newBrowser();
    const tab1 = newEngine(relay.url, browser, {}, 'tab1');
    const tab2 = newEngine(relay.url, browser, {}, 'tab2');
    engines.push(tab1, tab2);
    await tab1.start();
    await tab2.start();
    await tab1.signIn({ provider: wallet });
    await waitFor(() => tab1.sync?.loop.isLive === true, 'tab 1 to sync');
    expect(tab1.isLeader).toBe(true);
    expect(tab2.isLeader).toBe(false);
    expect(tab2.sync).toBeUndefined();

    // The follower hands its network work to the leader and its sends to the shared outbox.
    const dm = await tab2.createDM(bob.address);
    await tab2.send(dm, { type: 'text', body: 'from tab 2' });
    await waitFor(async () => (await texts(bob.engine, dm)).includes('from tab 2'), 'Bob to get it');
    expect(tab2.openOperations).toBe(0);
    expect(tab1.openOperations).toBeGreaterThan(0);

    // Twenty sends from the follower, and the leader closes while they are in flight.
    const bodies = Array.from({ length: 20 }, (_, i) => `burst ${i}`);
    for (const body of bodies) await tab2.send(dm, { type: 'text', body });
    await tab1.stop();
    await waitFor(() => tab2.isLeader && tab2.sync?.loop.isLive === true, 'tab 2 to take over');
    await waitFor(async () => (await texts(bob.engine, dm)).length === 21, 'Bob to get the burst');
    await bob.engine.sync?.loop.settled();
    expect(await texts(bob.engine, dm)).toEqual(['from tab 2', ...bodies]);

    // The new leader receives too.
    await bob.engine.send(dm, { type: 'text', body: 'reply' });
    await waitFor(async () => (await texts(tab2, dm)).includes('reply'), 'tab 2 to receive');
    await waitFor(async () => (await tab2.db.outbox.count()) === 0, 'the new leader to empty the outbox');
  });
});
