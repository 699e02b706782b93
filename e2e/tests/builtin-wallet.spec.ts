import { Wallet } from 'ethers';
import { expect, test } from '../fixtures';
import { openApp } from '../support/app';
import { readStore } from '../support/seed';

const PASS = 'orange kettle seventeen';

test('the built-in wallet is created, stored encrypted, unlocked after a reload, and its key exported', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openApp(page);
  await page.getByRole('button', { name: 'Create a wallet in this browser' }).click();

  // Validation happens before any key is made.
  await page.getByLabel('Passphrase', { exact: true }).fill('short');
  await page.getByRole('button', { name: 'Create wallet' }).click();
  await expect(page.getByRole('alert')).toHaveText('Use at least 10 characters.');
  await page.getByLabel('Passphrase', { exact: true }).fill(PASS);
  await page.getByLabel('Repeat the passphrase').fill(`${PASS}!`);
  await page.getByRole('button', { name: 'Create wallet' }).click();
  await expect(page.getByRole('alert')).toHaveText('The two passphrases are different.');
  await page.getByLabel('Repeat the passphrase').fill(PASS);
  await page.getByRole('checkbox', { name: /I understand/ }).check();
  await page.getByRole('button', { name: 'Create wallet' }).click();

  await expect(page.getByText('Connected with Parley browser wallet:')).toBeVisible({ timeout: 30_000 });
  const address = (await page.getByTestId('connected-address').textContent()) ?? '';
  expect(address).toMatch(/^0x[0-9a-f]{40}$/);

  // Only the encrypted keystore is stored.
  const rows = await readStore<{ key: string; value: { address: string; keystore: string } }>(
    page,
    'preferences',
  );
  const stored = rows.find((r) => r.key === 'wallet.builtin');
  expect(stored?.value.address).toBe(address);
  expect(JSON.parse(stored?.value.keystore ?? '{}')).toHaveProperty('Crypto.kdf', 'scrypt');

  await page.reload();
  await expect(page.getByText('A wallet made in this browser:')).toBeVisible();
  await page.getByLabel('Passphrase', { exact: true }).fill('not the passphrase');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toHaveText('Wrong passphrase.', { timeout: 30_000 });
  await page.getByLabel('Passphrase', { exact: true }).fill(PASS);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByTestId('connected-address')).toHaveText(address, { timeout: 30_000 });

  // Export the private key: only after the passphrase is entered again.
  await page.getByRole('link', { name: 'Language and appearance' }).click();
  await page.getByRole('button', { name: 'Export private key' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export private key' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Passphrase').fill('wrong passphrase!!');
  await dialog.getByRole('button', { name: 'Show private key' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Wrong passphrase.', { timeout: 30_000 });
  await dialog.getByLabel('Passphrase').fill(PASS);
  await dialog.getByRole('button', { name: 'Show private key' }).click();
  const key = await dialog.getByLabel('Private key').inputValue({ timeout: 30_000 });
  expect(key).toMatch(/^0x[0-9a-f]{64}$/);
  expect(new Wallet(key).address.toLowerCase()).toBe(address);
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
});
