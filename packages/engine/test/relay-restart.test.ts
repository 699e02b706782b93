import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../src/engine';
import { newBrowser, newEngine, texts, waitFor } from './support/engines';
import { freePort, type RelayProcess, spawnRelay } from './support/relay-harness';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy';
import { TestWallet } from './support/test-wallet';

// The relay runs as its own process with its PGlite data in a folder, so it can be killed
// (SIGKILL, like a crash) and started again on the same port and data.
const dataDir = mkdtempSync(join(tmpdir(), 'parley-engine-relay-'));
const backoff = { baseMs: 50, capMs: 1_000 };
let port: number;
let relay: RelayProcess;
let proxy: TcpProxy;
const engines: Engine[] = [];

beforeAll(async () => {
  port = await freePort();
  relay = await spawnRelay(port, dataDir);
  proxy = await startTcpProxy(port);
}, 120_000);

afterAll(async () => {
  for (const e of engines) await e.stop();
  await proxy?.close();
  await relay?.kill();
  rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

async function person(url: string, name: string) {
  const wallet = new TestWallet();
  const engine = newEngine(url, newBrowser(), { backoff }, name);
  engines.push(engine);
  await engine.start();
  await engine.signIn({ provider: wallet });
  return { wallet, engine };
}

describe('when the relay dies', () => {
  it('delivers each of 50 messages sent while it was down exactly once after it restarts', async () => {
    const direct = `http://127.0.0.1:${port}/graphql`;
    const alice = await person(direct, 'alice');
    const bob = await person(direct, 'bob');
    const dm = await alice.engine.createDM(bob.wallet.address);
    await alice.engine.send(dm, { type: 'text', body: 'before the crash' });
    await waitFor(async () => (await texts(bob.engine, dm)).length === 1, 'Bob to get the first');

    await relay.kill();
    const bodies = Array.from({ length: 50 }, (_, i) => `while down ${i}`);
    for (const body of bodies) await alice.engine.send(dm, { type: 'text', body });
    expect(await alice.engine.db.outbox.count()).toBeGreaterThanOrEqual(50);

    relay = await spawnRelay(port, dataDir);
    await waitFor(async () => (await texts(bob.engine, dm)).length === 51, 'Bob to get all 50', 60_000);
    await waitFor(
      async () => (await alice.engine.db.outbox.count()) === 0,
      'Alice to empty her outbox',
      60_000,
    );
    await bob.engine.sync?.loop.settled();
    expect(await texts(bob.engine, dm)).toEqual(['before the crash', ...bodies]);
    const statuses = await alice.engine.db.messages.where('conversationId').equals(dm).toArray();
    expect(
      statuses.every((m) => m.status === 'sent' || m.status === 'delivered' || m.status === 'read'),
    ).toBe(true);
  }, 120_000);

  it('delivers a message exactly once when the relay dies between storing it and acknowledging it', async () => {
    const viaProxy = `http://127.0.0.1:${proxy.port}/graphql`;
    const direct = `http://127.0.0.1:${port}/graphql`;
    const alice = await person(viaProxy, 'alice-proxied');
    const bob = await person(direct, 'bob-2');
    const dm = await alice.engine.createDM(bob.wallet.address);
    await alice.engine.send(dm, { type: 'text', body: 'warm-up' });
    await waitFor(async () => (await texts(bob.engine, dm)).length === 1, 'Bob to get the warm-up');
    await waitFor(async () => (await alice.engine.db.outbox.count()) === 0, 'the warm-up to be acknowledged');

    // The next `send` answer never reaches Alice: the relay has committed the envelope and dies.
    let killed: Promise<void> | undefined;
    proxy.onServerData = (chunk) => {
      if (killed || !chunk.includes('"send":[')) return true;
      killed = relay.kill().then(() => proxy.dropAll());
      return false;
    };
    const clientId = await alice.engine.send(dm, { type: 'text', body: 'stored, not acknowledged' });
    await waitFor(() => killed !== undefined, 'the relay to die mid-send');
    await killed;
    proxy.onServerData = undefined;
    expect((await alice.engine.db.messages.get(clientId))?.status).toBe('pending');

    relay = await spawnRelay(port, dataDir);
    await waitFor(
      async () => (await alice.engine.db.messages.get(clientId))?.status !== 'pending',
      'the retry to be acknowledged',
      60_000,
    );
    await waitFor(async () => (await texts(bob.engine, dm)).length === 2, 'Bob to have it', 60_000);
    await bob.engine.sync?.loop.settled();
    const seq = (await alice.engine.db.messages.get(clientId))?.seq;
    const bobRows = await bob.engine.db.messages.where('conversationId').equals(dm).toArray();
    expect(await texts(bob.engine, dm)).toEqual(['warm-up', 'stored, not acknowledged']);
    // The relay answered the retry with the seq it stored the first time.
    expect(bobRows.find((r) => r.clientId === clientId)?.seq).toBe(seq);
  }, 120_000);
});
