// The chat screens, reading a seeded database (rows as the engine would have written them).
import { expect, test } from '../fixtures';
import { openSignedIn } from '../support/app';
import { manyMessages, PEERS, THREAD_ID } from '../support/chat-data';
import { seedDatabase } from '../support/seed';

test('the conversation list shows each conversation’s last message, time and unread count, and search filters it', async ({
  page,
  testWallet,
}) => {
  await openSignedIn(page, testWallet.address);
  const nav = page.getByRole('navigation', { name: 'Conversations' });
  const links = nav.getByRole('link');
  await expect(links).toHaveCount(4);
  const first = links.first();
  await expect(first).toContainText('0x8ba1…ba72');
  await expect(first).toContainText('Sounds good, sending the offer now');
  await expect(first).toContainText('2 unread messages');
  await expect(first.locator('time')).toHaveText(/^\d{1,2}:\d{2}/);
  await expect(links.nth(1)).toContainText('14 unread messages');

  const search = nav.getByRole('searchbox', { name: 'Search conversations' });
  await search.fill('otc');
  await expect(links).toHaveCount(1);
  await expect(links.first()).toContainText('OTC desk');
  await search.fill(PEERS.punk.slice(0, 10));
  await expect(links).toHaveCount(1);
  await expect(links.first()).toContainText('punk4156.eth');
  await search.fill('no such thing');
  await expect(links).toHaveCount(0);
  await expect(nav.getByText('No conversations match “no such thing”.')).toBeVisible();
});

test('a thread lists every message as a list item, with day separators, ticks, Retry and unverified placeholders', async ({
  page,
  testWallet,
}) => {
  await openSignedIn(page, testWallet.address);
  await page.getByRole('navigation', { name: 'Conversations' }).getByRole('link').first().click();
  await expect(page).toHaveURL(new RegExp(`#/c/${THREAD_ID}$`));
  await expect(page.getByRole('heading', { level: 2, name: '0x8ba1…ba72' })).toBeVisible();

  const list = page.getByRole('list', { name: 'Messages' });
  const items = list.getByRole('listitem');
  await expect(items.last()).toContainText('Sending…');
  await expect(items.first()).toHaveAttribute('aria-setsize', '12');
  await expect(list.getByText('Today', { exact: true })).toBeVisible();
  await expect(list.getByText('Yesterday', { exact: true })).toBeAttached();

  // My messages carry their delivery state.
  for (const state of ['Sending', 'Sent', 'Delivered']) {
    await expect(list.getByRole('img', { name: state, exact: true })).toHaveCount(1);
  }
  await expect(list.getByRole('img', { name: 'Read', exact: true })).toHaveCount(2);

  // A failed message offers Retry and Discard on that message only.
  const failed = items.filter({ hasText: 'can you include the two floor ones' });
  await expect(failed).toContainText('Not sent: the relay refused the message (rate limit)');
  await expect(failed.getByRole('button', { name: 'Retry' })).toBeVisible();
  await expect(failed.getByRole('button', { name: 'Discard' })).toBeVisible();
  await expect(list.getByRole('button', { name: 'Retry' })).toHaveCount(1);

  // An unverified message shows a placeholder, never its content. (Home: the list has keyboard
  // focus and scrolls like any scrollable region.)
  await list.focus();
  await page.keyboard.press('Home');
  await expect(list.getByText('This message could not be verified, so it is not shown.')).toBeVisible();
  await expect(list.getByText('The signature does not match the sender’s device.')).toBeVisible();
  await expect(page.getByText('SEND FUNDS HERE')).toHaveCount(0);

  const composer = page.getByRole('textbox', { name: 'Message' });
  const send = page.getByRole('button', { name: 'Send' });
  await expect(composer).toBeVisible();
  await expect(send).toBeDisabled();
  await composer.fill('   ');
  await expect(send).toBeDisabled();
  await composer.fill('Deal.');
  await expect(send).toBeEnabled();
});

test('the thread is virtualised: a long history keeps few rows in the page and loads older ones on scroll', async ({
  page,
  testWallet,
}) => {
  await openSignedIn(page, testWallet.address);
  await seedDatabase(page, { messages: manyMessages(testWallet.address, 'b2'.repeat(16), 1000) });
  await page.goto(`/#/c/${'b2'.repeat(16)}`);
  const list = page.getByRole('list', { name: 'Messages' });
  const items = list.getByRole('listitem');
  await expect(list.getByText('Line 1000', { exact: true })).toBeVisible();
  await expect(items.first()).toHaveAttribute('aria-setsize', '80');
  expect(await items.count()).toBeLessThan(50);

  // Scrolling to the top (from the keyboard) loads the previous page and keeps the reader in place.
  await list.focus();
  await page.keyboard.press('Home');
  await expect(items.first()).toHaveAttribute('aria-setsize', '160');
  expect(await list.evaluate((el) => el.parentElement?.scrollTop ?? 0)).toBeGreaterThan(1000);
  // What was at the top before (the oldest of the first page) is still on screen.
  await expect(list.getByText('Line 921', { exact: true })).toBeInViewport();
  expect(await items.count()).toBeLessThan(50);
  await page.keyboard.press('End');
  await expect(list.getByText('Line 1000', { exact: true })).toBeInViewport();
});

test('keyboard: "New conversation" opens a dialog with the address box, validates, and Escape returns focus', async ({
  page,
  testWallet,
}) => {
  await openSignedIn(page, testWallet.address);
  const opener = page.getByRole('button', { name: 'New conversation' }).first();
  await opener.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'New conversation' });
  await expect(dialog).toBeVisible();
  const input = dialog.getByRole('textbox', { name: 'Wallet address or ENS name' });
  await expect(input).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('alert')).toHaveText('Enter a wallet address or an ENS name.');
  await input.fill('0x1234');
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('alert')).toContainText('neither a wallet address');
  // A mixed-case address whose EIP-55 checksum is wrong is a typo.
  await input.fill('0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD');
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('alert')).toContainText('has a typo');
  await input.fill(testWallet.address);
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('alert')).toHaveText('That is your own address.');
  // Address poisoning: same first and last four digits as someone in the list, but not them.
  const poisoned = `${PEERS.whale.slice(0, 6)}${'0'.repeat(32)}${PEERS.whale.slice(-4)}`;
  await input.fill(poisoned);
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('alert')).toContainText('looks like');
  await expect(dialog.getByRole('alert')).toContainText(PEERS.whale);

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
});

test('phone layout: the list, then the thread with a way back, and focus follows', async ({
  page,
  testWallet,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openSignedIn(page, testWallet.address);
  const nav = page.getByRole('navigation', { name: 'Conversations' });
  const link = nav.getByRole('link').first();
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('list', { name: 'Messages' })).toBeVisible();
  await expect(nav).toBeHidden();
  // The activated link is hidden now: focus starts at the conversation's heading.
  await expect(page.getByRole('heading', { level: 2, name: '0x8ba1…ba72' })).toBeFocused();

  await page.getByRole('link', { name: 'Back to conversations' }).focus();
  await page.keyboard.press('Enter');
  await expect(nav).toBeVisible();
  await expect(page.getByRole('list', { name: 'Messages' })).toBeHidden();
  await expect(link).toBeFocused();
});
