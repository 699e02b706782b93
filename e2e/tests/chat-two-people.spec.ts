// Two people in two browser contexts talk through the real relay: sign-in with an EIP-6963 test
// wallet, a DM both ways in real time with delivery and read ticks, sends while offline, and a
// reload with no network that still shows the whole local history (issue #5 acceptance).
import { expect, test } from '../fixtures';
import { TEST_KEYS } from '../fixtures/test-wallet';
import { seriousViolations } from '../support/axe';
import {
  messages,
  newPerson,
  openConversation,
  safetyDigits,
  sendText,
  signIn,
  startDm,
  tick,
} from '../support/people';
import { saveShot } from '../support/shots';

test('Alice and Bob chat both ways in real time; ticks move on; offline sends arrive once, in order', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const alice = await newPerson(browser, 'alice', TEST_KEYS.alice);
  const bob = await newPerson(browser, 'bob', TEST_KEYS.bob);
  await signIn(alice);
  await signIn(bob);

  await startDm(alice, bob.wallet?.address ?? '');
  await sendText(alice, 'gm Bob, still selling the punk?');
  const first = messages(alice).filter({ hasText: 'gm Bob' });
  await expect(first).toBeVisible();

  // Bob's list shows the new conversation; he opens it, which reads it.
  await openConversation(bob, 'gm Bob, still selling the punk?');
  await expect(messages(bob).filter({ hasText: 'gm Bob' })).toBeVisible();
  // Alice's tick goes to "Read" once Bob has the thread open.
  await expect(tick(first)).toHaveAccessibleName('Read', { timeout: 30_000 });

  // Safety numbers: both sides show the same 60 digits; Alice marks Bob verified.
  const aliceDigits = await safetyDigits(alice);
  const bobDigits = await safetyDigits(bob);
  expect(aliceDigits).toMatch(/^[0-9]{60}$/);
  expect(bobDigits).toBe(aliceDigits);
  await alice.page.getByRole('button', { name: 'Safety number' }).click();
  expect(await seriousViolations(alice.page)).toEqual([]);
  await saveShot(alice.page, 'desktop-safety-number');
  await alice.page.getByRole('button', { name: 'Mark as verified' }).click();
  await expect(alice.page.getByText('You marked', { exact: false })).toBeVisible();
  await alice.page.keyboard.press('Escape');

  await sendText(bob, 'gm! yes, 40 ETH');
  await expect(messages(alice).filter({ hasText: 'gm! yes, 40 ETH' })).toBeVisible({ timeout: 30_000 });
  await expect(tick(messages(bob).filter({ hasText: 'gm! yes, 40 ETH' }))).toHaveAccessibleName('Read', {
    timeout: 30_000,
  });

  // Bob answers Alice's first message with a reply and a 👍; Alice sees both.
  const firstOnBob = messages(bob).filter({ hasText: 'gm Bob, still selling the punk?' }).first();
  await firstOnBob.hover();
  await firstOnBob.getByRole('button', { name: 'React', exact: true }).click();
  await firstOnBob.getByRole('button', { name: 'React with 👍' }).click();
  await firstOnBob.getByRole('button', { name: 'Reply', exact: true }).click();
  await expect(bob.page.getByText('Replying to: gm Bob, still selling the punk?')).toBeVisible();
  await sendText(bob, 'floor is 38 though');
  await expect(
    messages(alice)
      .filter({ hasText: 'gm Bob, still selling the punk?' })
      .first()
      .getByRole('button', { name: '👍: 1 reaction' }),
  ).toBeVisible({ timeout: 30_000 });
  const reply = messages(alice).filter({ hasText: 'floor is 38 though' });
  await expect(reply.locator('.bubble__quote')).toHaveText('gm Bob, still selling the punk?', {
    timeout: 30_000,
  });

  // Bob loses the network and sends three messages: they wait in his outbox, shown as pending.
  await bob.context.setOffline(true);
  await expect(bob.page.getByText('You’re offline.', { exact: false })).toBeVisible();
  const offline = ['offline one', 'offline two', 'offline three'];
  for (const text of offline) await sendText(bob, text);
  for (const text of offline) {
    await expect(tick(messages(bob).filter({ hasText: text }))).toHaveAccessibleName('Sending');
  }
  await bob.context.setOffline(false);
  for (const text of offline) {
    await expect(messages(alice).filter({ hasText: text })).toHaveCount(1, { timeout: 30_000 });
  }
  const aliceTexts = await messages(alice).allInnerTexts();
  const order = offline.map((text) => aliceTexts.findIndex((t) => t.includes(text)));
  expect(order).toEqual([...order].sort((a, b) => a - b));
  for (const text of offline) {
    await expect(tick(messages(bob).filter({ hasText: text }))).not.toHaveAccessibleName('Sending', {
      timeout: 30_000,
    });
  }

  // Alice reloads with no network: the service worker serves the app, and IndexedDB the history.
  await alice.context.setOffline(true);
  await alice.page.reload();
  await openConversation(alice, 'offline three');
  // Each message once (a reply's quote of the first one is not a message of its own).
  const texts = alice.page.getByRole('list', { name: 'Messages' }).locator('.bubble__text');
  for (const text of [
    'gm Bob, still selling the punk?',
    'gm! yes, 40 ETH',
    'floor is 38 though',
    ...offline,
  ]) {
    await expect(texts.filter({ hasText: text })).toHaveCount(1);
  }

  expect(alice.pageErrors).toEqual([]);
  expect(bob.pageErrors).toEqual([]);
  await alice.context.close();
  await bob.context.close();
});
