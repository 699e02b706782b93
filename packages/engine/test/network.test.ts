// The Network port (ports/network.ts): while the platform says offline, the engine shows
// `offline`, spends no reconnect attempts and sends nothing; when it says online again, the engine
// reconnects at once (attempt 0) and delivers what was written meanwhile.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionState } from '../src/engine-api';
import { syncStatus } from '../src/read-model';
import { newBrowser, newEngine, type Person, signedInPerson, texts, waitFor } from './support/engines';
import { FakeNetwork } from './support/fake-network';
import { type RunningRelay, startRelay } from './support/relay-harness';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy';
import { TestWallet } from './support/test-wallet';

let relay: RunningRelay;
let proxy: TcpProxy;
const people: Person[] = [];

beforeAll(async () => {
  relay = await startRelay();
  proxy = await startTcpProxy(relay.port);
}, 60_000);

afterAll(async () => {
  for (const p of people) await p.engine.stop();
  await proxy?.close();
  await relay?.close();
});

describe('the platform says offline', () => {
  it('shows offline, spends no reconnect attempts, and reconnects at once when back', async () => {
    const bob = await signedInPerson(relay.url, 'bob');
    people.push(bob);
    // Alice reaches the relay through a proxy the test can take away, like a lost network. Her
    // backoff is short, so an engine that kept trying would show attempts within a moment.
    const network = new FakeNetwork(true);
    const wallet = new TestWallet();
    const browser = newBrowser();
    const engine = newEngine(
      `http://127.0.0.1:${proxy.port}/graphql`,
      browser,
      { network, backoff: { baseMs: 20, capMs: 100 } },
      'alice',
    );
    await engine.start();
    const { deviceId } = await engine.signIn({ provider: wallet });
    const alice: Person = { wallet, engine, browser, address: wallet.address, deviceId };
    people.push(alice);
    const states: ConnectionState[] = [];
    engine.on('connection', (s) => states.push(s));

    const dm = await engine.createDM(bob.address);
    await engine.send(dm, { type: 'text', body: 'before' });
    await waitFor(async () => (await texts(bob.engine, dm)).includes('before'), 'Bob to get the first one');
    await waitFor(() => states.at(-1)?.state === 'online', 'Alice to be online');

    // The network goes away, and the platform says so.
    const port = proxy.port;
    const mark = states.length;
    network.set(false);
    await proxy.close();
    expect(states.slice(mark)).toEqual([{ state: 'offline' }]);
    await waitFor(
      async () => (await syncStatus(engine.db)).connection.state === 'offline',
      'every tab to see offline',
    );
    const clientId = await engine.send(dm, { type: 'text', body: 'written offline' });
    // Long enough for many 20-100 ms backoff rounds, had the loop kept trying.
    await new Promise((r) => setTimeout(r, 1_500));
    expect(states.slice(mark)).toEqual([{ state: 'offline' }]);
    expect((await engine.db.messages.get(clientId))?.status).toBe('pending');
    expect((await engine.db.outbox.where('clientId').equals(clientId).first())?.attempts).toBe(0);

    // Back: the first thing is a connection attempt numbered 0, then online, then the send.
    proxy = await startTcpProxy(relay.port, port);
    const back = states.length;
    network.set(true);
    await waitFor(() => states.slice(back).some((s) => s.state === 'online'), 'Alice to be online again');
    expect(states[back]).toEqual({ state: 'connecting', attempt: 0 });
    await waitFor(
      async () => (await texts(bob.engine, dm)).includes('written offline'),
      'Bob to get what Alice wrote offline',
    );
    expect(await texts(bob.engine, dm)).toEqual(['before', 'written offline']);
  });

  it('starts offline when the platform says so, and syncs once it is online', async () => {
    const bob = await signedInPerson(relay.url, 'bob2');
    const alice = await signedInPerson(relay.url, 'alice2');
    people.push(bob, alice);
    const dm = await alice.engine.createDM(bob.address);
    await alice.engine.stop();

    await bob.engine.send(dm, { type: 'text', body: 'while alice was away' });
    await waitFor(async () => (await bob.engine.db.outbox.count()) === 0, 'Bob to send');

    const network = new FakeNetwork(false);
    const again = newEngine(relay.url, alice.browser, { network }, 'alice2-again');
    people.push({ ...alice, engine: again });
    const states: ConnectionState[] = [];
    again.on('connection', (s) => states.push(s));
    await again.start();
    await waitFor(() => states.length > 0, 'a connection state');
    expect(states).toEqual([{ state: 'offline' }]);
    expect(again.openOperations).toBe(0);

    network.set(true);
    await waitFor(
      async () => (await texts(again, dm)).includes('while alice was away'),
      'Alice to catch up once online',
    );
    expect(states[1]).toEqual({ state: 'connecting', attempt: 0 });
  });
});
