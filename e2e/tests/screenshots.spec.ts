// Screenshots of the main screens for docs/screenshots/, at phone and desktop sizes.
import { expect, test } from '../fixtures';
import { openApp, openSignedIn } from '../support/app';
import { THREAD_ID } from '../support/chat-data';
import { saveShot } from '../support/shots';

for (const [label, viewport] of [
  ['phone', { width: 390, height: 844 }],
  ['desktop', { width: 1280, height: 800 }],
] as const) {
  test(`screenshots at ${viewport.width}x${viewport.height}`, async ({ page, testWallet }) => {
    await page.setViewportSize(viewport);
    const shot = (name: string) => saveShot(page, `${label}-${name}`);

    await openApp(page);
    await shot('onboarding');
    await page.getByRole('button', { name: 'Parley Test Wallet' }).click();
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await shot('sign-in');

    await openSignedIn(page, testWallet.address);
    await shot('conversations');
    await page.goto(`/#/c/${THREAD_ID}`);
    await expect(page.getByRole('list', { name: 'Messages' }).getByText('Sending…')).toBeVisible();
    await shot('thread');
    await page.emulateMedia({ colorScheme: 'dark' });
    await shot('thread-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('/#/settings');
    await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
    await shot('settings');
  });
}
