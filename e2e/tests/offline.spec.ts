import { expect, test } from '../fixtures';
import { openApp } from '../support/app';

test('the service worker controls the page, and the app shell opens offline', async ({ page, context }) => {
  await openApp(page);
  // The first visit installs the worker; from the next load on it controls the page.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null))
    .toMatch(/\/sw\.js$/);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Parley' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'You’re offline' })).toBeVisible();
  // A lazily loaded screen comes from the precache too.
  await page.getByRole('link', { name: 'Language and appearance' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await page.getByLabel('Language').selectOption('es');
  await expect(page.getByRole('heading', { level: 1, name: 'Ajustes' })).toBeVisible();

  await context.setOffline(false);
  await expect(page.getByRole('status').filter({ hasText: 'sin conexión' })).toBeHidden();
});
