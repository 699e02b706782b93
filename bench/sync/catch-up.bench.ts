// Sync catch-up figure (issue: engine, acceptance "bench/sync"): Bob's engine is stopped while
// Alice sends N one-to-one messages (default 10,000) through a real relay; then Bob's engine starts
// and catches up: fetch (catchUp pages over graphql-ws), verify (device log, ratchet), decrypt,
// decode and store (Dexie on fake-indexeddb, one transaction per page). Prints messages per second
// for the catch-up only; the setup (Alice sealing and the relay storing) is printed separately.
// Prints figures; asserts nothing.
// Run: node --import tsx bench/sync/catch-up.bench.ts        (BENCH_ENVELOPES=2000 for a quick run;
//      BENCH_PROFILE=/tmp/catch-up.cpuprofile profiles the catch-up and prints self time by function)

import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { newEngine, texts, waitFor } from '../../packages/engine/test/support/engines';
import { freePort, spawnRelay } from '../../packages/engine/test/support/relay-harness';
import { enqueueTexts, signedInNodePerson } from './enqueue';
import { profileWindow } from './profile-window';

const COUNT = Number(process.env.BENCH_ENVELOPES ?? 10_000);
async function main() {
  console.log(
    `sync catch-up bench: ${COUNT} one-to-one envelopes, Node ${process.version}, load ${loadavg()[0]?.toFixed(2)}`,
  );
  // The relay runs as its own process (PGlite in a temporary folder), as it does in production.
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-bench-sync-'));
  const relay = await spawnRelay(await freePort(), dataDir);
  const alice = await signedInNodePerson(relay.url, 'alice');
  const bob = await signedInNodePerson(relay.url, 'bob');
  const dm = await alice.engine.createDM(bob.wallet.address);
  await alice.engine.send(dm, { type: 'text', body: 'hello' });
  await waitFor(async () => (await texts(bob.engine, dm)).length === 1, 'the first message');
  await bob.engine.stop();

  const setup = performance.now();
  await enqueueTexts(alice.engine, dm, COUNT);
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
  const stopProfile = await profileWindow(process.env.BENCH_PROFILE);
  const start = performance.now();
  const cpu = process.cpuUsage();
  await again.start();
  const seconds = ((await caughtUp) - start) / 1000;
  const used = process.cpuUsage(cpu);
  await stopProfile();
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
