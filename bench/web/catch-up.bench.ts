// Catch-up in a real browser (issue: engine, "10,000 messages in under 2 s in headless chromium";
// the figure belongs to the PWA issue). Bob signs in to the built PWA in Debian's chromium with a
// test wallet, then closes the tab. Alice (a Node engine) sends him N one-to-one messages through
// a real relay. Bob opens the tab again; the app's engine catches up: fetch (catchUp pages over
// graphql-ws), verify, decrypt (WebCrypto), and store (IndexedDB). Prints messages per second,
// measured from the first stored message to the last, and from navigation to the last.
// Prints figures; asserts nothing.
// Run: npm run build --workspace apps/web && node --import tsx bench/web/catch-up.bench.ts
//      (BENCH_ENVELOPES=2000 for a quick run; BENCH_PROFILE=/tmp/web.cpuprofile records the tab's CPU
//      profile during the catch-up over CDP and prints self time by function)
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { installTestWallet, TEST_KEYS, TEST_WALLET_NAME } from '../../e2e/fixtures/test-wallet';
import { waitFor } from '../../packages/engine/test/support/engines';
import { freePort, spawnRelay } from '../../packages/engine/test/support/relay-harness';
import { enqueueTexts, signedInNodePerson } from '../sync/enqueue';
import { type CpuProfile, summariseProfile } from './summarise-profile';

const COUNT = Number(process.env.BENCH_ENVELOPES ?? 10_000);

/** Messages stored for the conversation in the app's IndexedDB (a cheap index count). */
function storedCount(page: Page, conversationId: string): Promise<number> {
  return page.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('parley');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      return await new Promise<number>((resolve, reject) => {
        const request = db
          .transaction('messages')
          .objectStore('messages')
          .index('[conversationId+seq]')
          .count(IDBKeyRange.bound([id, 0], [id, Number.MAX_SAFE_INTEGER]));
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    } finally {
      db.close();
    }
  }, conversationId);
}

async function main() {
  console.log(`browser catch-up bench: ${COUNT} one-to-one envelopes, load ${loadavg()[0]?.toFixed(2)}`);
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-bench-web-'));
  const port = await freePort();
  const relay = await spawnRelay(port, dataDir);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const context = await browser.newContext({
      baseURL: `http://localhost:${port}`,
      serviceWorkers: 'block',
    });
    // tsx compiles this file with esbuild's keepNames, which wraps functions in `__name(...)`; the
    // test wallet's init script is such a function and runs in the page, so give the page one.
    await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
    const wallet = await installTestWallet(context, { privateKey: TEST_KEYS.bob });
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('button', { name: TEST_WALLET_NAME }).click();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('navigation', { name: 'Conversations' }).waitFor({ timeout: 60_000 });

    const alice = await signedInNodePerson(relay.url.replace('127.0.0.1', 'localhost'), 'alice');
    const dm = await alice.engine.createDM(wallet.address);
    await alice.engine.send(dm, { type: 'text', body: 'hello' });
    await waitFor(async () => (await storedCount(page, dm)) === 1, 'Bob to get the first message', 60_000);
    await page.close();

    const setup = performance.now();
    await enqueueTexts(alice.engine, dm, COUNT);
    await waitFor(async () => (await alice.engine.db.outbox.count()) === 0, 'Alice to send', 30 * 60_000);
    console.log(
      `setup: Alice sealed and the relay stored ${COUNT} envelopes in ${((performance.now() - setup) / 1000).toFixed(1)} s`,
    );
    await alice.engine.stop();

    const again = await context.newPage();
    const profileFile = process.env.BENCH_PROFILE;
    // The tab's main-thread busy time (CDP Performance.TaskDuration) is less disturbed than the wall
    // clock when other work shares the machine: compare it, per message, before and after a change.
    const cdp = await context.newCDPSession(again);
    await cdp.send('Performance.enable');
    const busySeconds = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
    };
    if (profileFile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    const opened = performance.now();
    await again.goto('/');
    let first = 0;
    let busyAtFirst = 0;
    // Messages already stored when the first page was seen: the rate from the first stored counts
    // only what came after it, so a larger first page does not flatter it.
    let storedAtFirst = 0;
    for (;;) {
      const n = await storedCount(again, dm);
      if (n > 1 && first === 0) {
        first = performance.now();
        busyAtFirst = await busySeconds();
        storedAtFirst = n;
      }
      if (n >= COUNT + 1) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const done = performance.now();
    const busy = (await busySeconds()) - busyAtFirst;
    if (profileFile) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(profileFile, JSON.stringify(profile));
      console.log(summariseProfile(profile as CpuProfile, 40).join('\n'));
    }
    const fromFirst = (done - first) / 1000;
    const fromOpen = (done - opened) / 1000;
    const afterFirst = COUNT + 1 - storedAtFirst;
    console.log(
      `catch-up in chromium: ${afterFirst} messages in ${fromFirst.toFixed(2)} s after the first page was stored = ${(afterFirst / fromFirst).toFixed(0)} messages/s`,
    );
    console.log(
      `  tab main thread busy meanwhile: ${((busy * 1000) / afterFirst).toFixed(3)} ms per message`,
    );
    console.log(
      `  from opening the tab (app load, sign-in renewal, socket, catch-up): ${fromOpen.toFixed(2)} s = ${(COUNT / fromOpen).toFixed(0)} messages/s`,
    );
  } finally {
    await browser.close();
    await relay.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
