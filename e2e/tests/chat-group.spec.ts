// A group of three through the real relay: create it, talk, remove a member, and the removed
// member sees nothing sent after the removal (issue #5 acceptance). Carol uses the built-in
// wallet ("Create a wallet in this browser") instead of an extension.
import { expect, test } from '../fixtures';
import { TEST_KEYS } from '../fixtures/test-wallet';
import { seriousViolations } from '../support/axe';
import {
  messages,
  newPerson,
  openConversation,
  sendText,
  signIn,
  signInWithBuiltinWallet,
} from '../support/people';
import { saveShot } from '../support/shots';

test('a group of three talks; after Carol is removed she sees no new messages', async ({ browser }) => {
  test.setTimeout(180_000);
  const alice = await newPerson(browser, 'alice', TEST_KEYS.alice);
  const bob = await newPerson(browser, 'bob', TEST_KEYS.bob);
  const carol = await newPerson(browser, 'carol');
  await signIn(alice);
  await signIn(bob);
  const carolAddress = await signInWithBuiltinWallet(carol, 'carol keeps a long passphrase');
  const bobAddress = bob.wallet?.address ?? '';

  // Alice creates the group from the "New group" dialog.
  await alice.page.getByRole('button', { name: 'New group' }).click();
  const dialog = alice.page.getByRole('dialog', { name: 'New group' });
  await dialog.getByRole('textbox', { name: 'Group name' }).fill('OTC desk');
  await dialog.getByRole('textbox', { name: 'Members' }).fill(`${bobAddress}\n${carolAddress}`);
  expect(await seriousViolations(alice.page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Create group' }).click();
  await expect(alice.page.getByRole('heading', { name: 'OTC desk' })).toBeVisible();

  await sendText(alice, 'welcome to the desk');
  await openConversation(bob, 'welcome to the desk');
  await openConversation(carol, 'welcome to the desk');
  await sendText(bob, 'bid 3.1 ETH');
  await expect(messages(carol).filter({ hasText: 'bid 3.1 ETH' })).toBeVisible({ timeout: 30_000 });
  await expect(messages(alice).filter({ hasText: 'bid 3.1 ETH' })).toBeVisible({ timeout: 30_000 });

  // The members panel lists all three from the verified control messages; Alice removes Carol.
  await alice.page.getByRole('button', { name: 'Members' }).click();
  const members = alice.page.getByRole('dialog', { name: 'Members of OTC desk' });
  await expect(members.getByRole('listitem')).toHaveCount(3);
  expect(await seriousViolations(alice.page)).toEqual([]);
  await saveShot(alice.page, 'desktop-group-members');
  // Alice makes Bob an admin too (a signed control; the group moves to a new epoch).
  await members.getByRole('button', { name: `Make ${bobAddress} an admin` }).click();
  await expect(members.getByText('Admin', { exact: true })).toHaveCount(2, { timeout: 30_000 });
  await members.getByRole('button', { name: `Remove ${carolAddress}` }).click();
  await members.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(members.getByRole('listitem')).toHaveCount(2, { timeout: 30_000 });
  await members.getByRole('button', { name: 'Close' }).click();

  // Carol's app learns it from the signed removal: no composer, a notice instead.
  await expect(carol.page.getByText('You are no longer a member of this group.')).toBeVisible({
    timeout: 30_000,
  });
  await expect(carol.page.getByRole('textbox', { name: 'Message' })).toHaveCount(0);

  await sendText(alice, 'after Carol left');
  await sendText(bob, 'bob after Carol left');
  await expect(messages(bob).filter({ hasText: 'after Carol left' })).toHaveCount(2, { timeout: 30_000 });
  await expect(messages(alice).filter({ hasText: 'bob after Carol left' })).toBeVisible({ timeout: 30_000 });
  // Everything Bob has, Carol would have had by now if it reached her; she has none of it, even
  // after a reload (nothing is waiting undecrypted either).
  await carol.page.reload();
  await openConversation(carol, 'bid 3.1 ETH');
  await expect(messages(carol).filter({ hasText: 'welcome to the desk' })).toHaveCount(1);
  await expect(messages(carol).filter({ hasText: 'after Carol left' })).toHaveCount(0);

  for (const person of [alice, bob, carol]) {
    expect(person.pageErrors).toEqual([]);
    await person.context.close();
  }
});
