// The JavaScript a first visit fetches before its first screen is up, gzipped: at most 150 kB
// (docs/web.md). Measured in the browser on a cold profile (no service worker, no cache): every
// .js resource whose fetch started before the app's 'parley:first-screen' performance mark.
import { gzipSync } from 'node:zlib';
import { expect, test } from '../fixtures';

const BUDGET_BYTES = 150_000;

test('a cold first visit fetches at most 150 kB of gzipped JavaScript before its first screen', async ({
  page,
  request,
}) => {
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Create a wallet in this browser' })).toBeVisible();
  await page.waitForLoadState('networkidle');

  const { before, after } = await page.evaluate(() => {
    const mark =
      performance.getEntriesByName('parley:first-screen')[0]?.startTime ?? Number.POSITIVE_INFINITY;
    const scripts = performance
      .getEntriesByType('resource')
      .filter((e) => new URL(e.name).pathname.endsWith('.js'));
    return {
      before: scripts.filter((e) => e.startTime <= mark).map((e) => e.name),
      after: scripts.filter((e) => e.startTime > mark).map((e) => new URL(e.name).pathname),
    };
  });

  let total = 0;
  const sizes: string[] = [];
  for (const url of before) {
    const gz = gzipSync(await (await request.get(url)).body(), { level: 9 }).length;
    total += gz;
    sizes.push(`${(gz / 1000).toFixed(1)} kB ${new URL(url).pathname}`);
  }
  const summary = `${(total / 1000).toFixed(1)} kB before the first screen: ${sizes.join(', ')}; after it: ${after.join(', ')}`;
  test.info().annotations.push({ type: 'initial-js', description: summary });
  console.log(summary);

  expect(before.length).toBeGreaterThan(0);
  // ethers stays out of the first visit: it loads only for the built-in wallet.
  expect([...before, ...after].some((u) => u.includes('builtin-connect'))).toBe(false);
  // The engine's chunk waits for the first screen.
  expect(before.some((u) => u.includes('engine-setup'))).toBe(false);
  expect(total).toBeLessThanOrEqual(BUDGET_BYTES);
});
