// axe-core finds no critical or serious violations on the main screens, in both themes, at the
// narrowest supported width (360 px) and at desktop width.
import { expect, test } from '../fixtures';
import { openApp, openSignedIn } from '../support/app';
import { seriousViolations } from '../support/axe';
import { THREAD_ID } from '../support/chat-data';

for (const viewport of [
  { width: 360, height: 740 },
  { width: 1280, height: 800 },
]) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test.describe(`${viewport.width}px, ${colorScheme}`, () => {
      test.use({ viewport, colorScheme });

      test('onboarding, wallet creation form and settings', async ({ page }) => {
        await openApp(page);
        expect(await seriousViolations(page)).toEqual([]);
        await page.getByRole('button', { name: 'Create a wallet in this browser' }).click();
        expect(await seriousViolations(page)).toEqual([]);
        await page.getByRole('button', { name: 'Parley Test Wallet' }).click();
        await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
        expect(await seriousViolations(page)).toEqual([]);
        await page.goto('/#/settings');
        await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
        expect(await seriousViolations(page)).toEqual([]);
      });

      test('conversation list, thread, and the new conversation and new group dialogs', async ({
        page,
        testWallet,
      }) => {
        await openSignedIn(page, testWallet.address);
        expect(await seriousViolations(page)).toEqual([]);
        await page.goto(`/#/c/${THREAD_ID}`);
        await expect(page.getByRole('list', { name: 'Messages' })).toBeVisible();
        expect(await seriousViolations(page)).toEqual([]);
        await page.goto('/#/');
        await page.getByRole('button', { name: 'New conversation' }).first().click();
        await expect(page.getByRole('dialog', { name: 'New conversation' })).toBeVisible();
        expect(await seriousViolations(page)).toEqual([]);
        await page.keyboard.press('Escape');
        await page.getByRole('button', { name: 'New group' }).click();
        await expect(page.getByRole('dialog', { name: 'New group' })).toBeVisible();
        expect(await seriousViolations(page)).toEqual([]);
        await page.keyboard.press('Escape');
        await page.goto('/#/settings');
        await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
        expect(await seriousViolations(page)).toEqual([]);
      });
    });
  }
}
