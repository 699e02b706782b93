// The PWA's screen figures (issue #5 "Performance"): how soon the conversation list paints from
// IndexedDB on a repeat visit (goal: under 500 ms), and how smooth the thread scrolls with 100,000
// messages (frame times while scrolling up with the mouse wheel). Built PWA, real relay serving it,
// Debian chromium, the service worker installed. Prints figures; asserts nothing.
// Run: npm run build --workspace apps/web && node --import tsx bench/web/screens.bench.ts
//      (BENCH_MESSAGES=20000 for a quicker run)
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chatData, manyMessages, THREAD_ID } from '../../e2e/support/chat-data';
import { seedDatabase } from '../../e2e/support/seed';
import { freePort, spawnRelay } from '../../packages/engine/test/support/relay-harness';

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 100_000);
const VISITS = 7;
const ME = `0x${'7a'.repeat(20)}`;
const CHUNK = 10_000;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function main() {
  console.log(`screens bench: ${MESSAGES} messages in one thread, load ${loadavg()[0]?.toFixed(2)}`);
  const dataDir = mkdtempSync(join(tmpdir(), 'parley-bench-screens-'));
  const port = await freePort();
  const relay = await spawnRelay(port, dataDir);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const context = await browser.newContext({
      baseURL: `http://localhost:${port}`,
      viewport: { width: 1280, height: 800 },
    });
    // tsx compiles this file with esbuild's keepNames, which wraps functions in `__name(...)`;
    // functions handed to page.evaluate run in the page, so give the page one.
    await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
    // When the first conversation is in the list, measured from the navigation's start.
    await context.addInitScript({
      content: `new MutationObserver((_, observer) => {
        if (document.querySelector('nav[aria-label="Conversations"] a')) {
          window.__listPainted = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });`,
    });
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    const data = chatData(ME);
    await seedDatabase(page, {
      account: [data.account],
      conversations: data.conversations,
      messages: data.messages,
    });
    const seeding = performance.now();
    for (let start = 0; start < MESSAGES; start += CHUNK) {
      const rows = manyMessages(ME, THREAD_ID, MESSAGES).slice(start, start + CHUNK);
      await seedDatabase(page, { messages: rows });
    }
    console.log(`seeded ${MESSAGES} messages in ${((performance.now() - seeding) / 1000).toFixed(1)} s`);

    // Repeat visits: the service worker serves the shell, IndexedDB the list.
    await page.goto('/#/');
    const painted: number[] = [];
    for (let i = 0; i < VISITS; i++) {
      await page.reload();
      await page.getByRole('navigation', { name: 'Conversations' }).getByRole('link').first().waitFor();
      painted.push(await page.evaluate(() => (window as unknown as { __listPainted: number }).__listPainted));
    }
    const sortedPaint = [...painted].sort((a, b) => a - b);
    console.log(
      `conversation list painted on a repeat visit: median ${percentile(sortedPaint, 50).toFixed(0)} ms, best ${sortedPaint[0]?.toFixed(0)} ms, worst ${sortedPaint.at(-1)?.toFixed(0)} ms (${VISITS} visits; goal < 500 ms)`,
    );

    // Scrolling the long thread upwards, as a reader would.
    await page.goto(`/#/c/${THREAD_ID}`);
    const list = page.getByRole('list', { name: 'Messages' });
    await list.getByRole('listitem').first().waitFor();
    await page.mouse.move(800, 400);
    await page.evaluate(() => {
      const w = window as unknown as { __frames: number[] };
      w.__frames = [];
      let last = performance.now();
      const tick = (t: number) => {
        w.__frames.push(t - last);
        last = t;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    for (let i = 0; i < 150; i++) {
      await page.mouse.wheel(0, -600);
      await page.waitForTimeout(16);
    }
    const frames = await page.evaluate(() => (window as unknown as { __frames: number[] }).__frames.slice(1));
    const rows = await list.getByRole('listitem').count();
    const setSize = await list.getByRole('listitem').first().getAttribute('aria-setsize');
    const sorted = [...frames].sort((a, b) => a - b);
    const long = frames.filter((f) => f > 50).length;
    console.log(
      `thread scroll with ${MESSAGES} messages: ${frames.length} frames, p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, max ${sorted.at(-1)?.toFixed(1)} ms, ${long} frames over 50 ms; ${rows} rows in the page, ${setSize} loaded`,
    );
  } finally {
    await browser.close();
    await relay.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
