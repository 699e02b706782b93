// A new service worker waits for the person: the app says a new version is ready, and Reload
// switches to it. The test publishes a "new version" by changing sw.js on disk (restored after).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '../fixtures';
import { openApp } from '../support/app';

const swPath = join(dirname(fileURLToPath(import.meta.url)), '../../apps/web/dist/sw.js');

test('a waiting service worker shows the update prompt, and Reload activates it', async ({ page }) => {
  await openApp(page);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  const banner = page.getByRole('status').filter({ hasText: 'A new version of Parley is ready.' });
  await expect(banner).toBeHidden();

  const original = readFileSync(swPath, 'utf8');
  try {
    writeFileSync(swPath, `${original}\n// e2e: a new version ${Date.now()}\n`);
    // What the app does every hour and whenever it comes back to the foreground.
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    });
    await expect(banner).toBeVisible();
    const waiting = await page.evaluate(
      async () => (await navigator.serviceWorker.getRegistration())?.waiting !== null,
    );
    expect(waiting).toBe(true);

    // Listen before clicking: the reload can finish before a listener added afterwards.
    const reloaded = page.waitForEvent('load');
    await banner.getByRole('button', { name: 'Reload' }).click();
    await reloaded;
    await expect(page.getByRole('heading', { level: 1, name: 'Parley' })).toBeVisible();
    await expect
      .poll(() =>
        page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null),
      )
      .toBeNull();
    await expect(banner).toBeHidden();
  } finally {
    writeFileSync(swPath, original);
  }
});
