// Sync catch-up figure (issue: engine, acceptance "bench/sync"): Bob's engine is stopped while
// Alice sends N one-to-one messages (default 10,000) through a real relay; then Bob's engine starts
// and catches up: fetch (catchUp pages over graphql-ws), verify (device log, ratchet), decrypt,
// decode and store (Dexie on fake-indexeddb, one transaction per page). Prints messages per second
// for the catch-up only; the setup (Alice sealing and the relay storing) is printed separately.
// Prints figures; asserts nothing.
// Run: node --import tsx bench/sync/catch-up.bench.ts        (BENCH_ENVELOPES=2000 for a quick run)

import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { bytesToHex } from '@parley/crypto';
import { checkedContent } from '../../packages/engine/src/content/outgoing';
import type { Engine } from '../../packages/engine/src/engine';
import { ownHead } from '../../packages/engine/src/sync/own-head';
import { newBrowser, newEngine, texts, waitFor } from '../../packages/engine/test/support/engines';
import { freePort, spawnRelay } from '../../packages/engine/test/support/relay-harness';
import { TestWallet } from '../../packages/engine/test/support/test-wallet';

const COUNT = Number(process.env.BENCH_ENVELOPES ?? 10_000);
const CHUNK = 500;

async function person(url: string, name: string) {
  const wallet = new TestWallet();
  const browser = newBrowser();
  const engine = newEngine(url, browser, {}, name);
  await engine.start();
  await engine.signIn({ provider: wallet });
  return { wallet, browser, engine };
}

/** Queues `count` texts in Alice's outbox directly (one transaction per chunk), as send() would. */
async function enqueue(alice: Engine, conversationId: string, count: number): Promise<void> {
  const account = await alice.db.account.get('me');
  const head = await ownHead(alice.db);
  if (!account || !head) throw new Error('Alice is not signed in');
  for (let start = 0; start < count; start += CHUNK) {
    const now = Date.now();
    const rows = Array.from({ length: Math.min(CHUNK, count - start) }, (_, i) => {
      const clientId = bytesToHex(crypto.getRandomValues(new Uint8Array(16)));
      const content = checkedContent(
        { type: 'text', body: `message ${start + i}` },
        { sentAt: now, deviceLogHead: head },
      );
      return { clientId, content };
    });
    await alice.db.transaction('rw', alice.db.messages, alice.db.outbox, async () => {
      await alice.db.messages.bulkAdd(
        rows.map((r) => ({
          clientId: r.clientId,
          conversationId,
          senderAddress: account.address,
          senderDevice: account.deviceId,
          sentAt: now,
          status: 'pending' as const,
          content: r.content,
          mine: 1 as const,
        })),
      );
      await alice.db.outbox.bulkAdd(
        rows.map((r) => ({
          clientId: r.clientId,
          conversationId,
          createdAt: now,
          attempts: 0,
          nextAttemptAt: now,
          state: 'queued' as const,
        })),
      );
    });
  }
}

async function main() {
  console.log(
    `sync catch-up bench: ${COUNT} one-to-one envelopes, Node ${process.version}, load ${loadavg()[0]?.toFixed(2)}`,
  );
  // The relay runs as its own process (PGlite in a temporary folder), as it does in production.
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-bench-sync-'));
  const relay = await spawnRelay(await freePort(), dataDir);
  const alice = await person(relay.url, 'alice');
  const bob = await person(relay.url, 'bob');
  const dm = await alice.engine.createDM(bob.wallet.address);
  await alice.engine.send(dm, { type: 'text', body: 'hello' });
  await waitFor(async () => (await texts(bob.engine, dm)).length === 1, 'the first message');
  await bob.engine.stop();

  const setup = performance.now();
  await enqueue(alice.engine, dm, COUNT);
  await waitFor(async () => (await alice.engine.db.outbox.count()) === 0, 'Alice to send', 30 * 60_000);
  console.log(
    `setup: Alice sealed and the relay stored ${COUNT} envelopes in ${((performance.now() - setup) / 1000).toFixed(1)} s`,
  );

  const again = newEngine(relay.url, bob.browser, {}, 'bob');
  // The first "done" after start marks the end of the catch-up (no polling of the store meanwhile:
  // counting 10,000 rows every few milliseconds would be a load of its own).
  const caughtUp = new Promise<number>((resolve) => {
    again.on('sync', (p) => {
      if (!('total' in p)) resolve(performance.now());
    });
  });
  const start = performance.now();
  const cpu = process.cpuUsage();
  await again.start();
  const seconds = ((await caughtUp) - start) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  const stored = await again.db.messages.where('conversationId').equals(dm).count();
  const unverified = await again.db.messages.where('status').equals('unverified').count();
  console.log(`  engine process CPU time: ${(cpuMs / (stored - 1)).toFixed(2)} ms per message`);
  console.log(
    `catch-up: ${stored - 1} messages in ${seconds.toFixed(2)} s = ${((stored - 1) / seconds).toFixed(0)} messages/s (fetch, verify, decrypt, store; ${unverified} unverified)`,
  );

  await again.stop();
  await alice.engine.stop();
  await relay.kill();
  rmSync(dataDir, { recursive: true, force: true });
}

await main();
