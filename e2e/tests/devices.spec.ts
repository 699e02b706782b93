// One wallet on two browsers: the settings list both devices (from the verified device log), and
// revoking the other one takes a wallet signature and removes it from the list.
import { Wallet } from 'ethers';
import { expect, test } from '../fixtures';
import { newPerson, signIn } from '../support/people';

test('settings list this wallet’s devices, and one is revoked with a wallet signature', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  // A wallet of its own: the relay is shared by every spec, and others link devices for theirs.
  const key = Wallet.createRandom().privateKey;
  const laptop = await newPerson(browser, 'dana-laptop', key);
  const phone = await newPerson(browser, 'dana-phone', key);
  await signIn(laptop);
  await signIn(phone);

  await laptop.page.goto('/#/settings');
  const devices = laptop.page.getByRole('list', { name: 'Devices' });
  // Opening the settings re-reads my own device log, so the phone linked meanwhile is listed.
  await expect(devices.getByRole('listitem')).toHaveCount(2, { timeout: 30_000 });
  await expect(devices.getByText('This device')).toHaveCount(1);

  const before = laptop.wallet?.signatures.length ?? 0;
  await devices.getByRole('button', { name: /^Revoke device / }).click();
  await devices.getByRole('button', { name: 'Revoke with wallet' }).click();
  await expect(devices.getByRole('listitem')).toHaveCount(1, { timeout: 30_000 });
  expect(laptop.wallet?.signatures.length).toBe(before + 1);
  expect(laptop.wallet?.signatures.at(-1)?.message).toContain('revoke');

  for (const person of [laptop, phone]) {
    expect(person.pageErrors).toEqual([]);
    await person.context.close();
  }
});
