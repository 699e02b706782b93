// A negotiation in two browsers with injected test wallets (issue #6 acceptance): Alice offers
// 1 WETH for Bob's NFT; Bob counters with 1.2 WETH; Alice accepts. Both show "Accepted" with the
// same order hash. The exported file verifies with the parley-verify CLI, and fails once a single
// byte is changed. Then Bob shares the NFT and a claimed payment as on-chain cards.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../fixtures';
import { TEST_KEYS } from '../fixtures/test-wallet';
import { seriousViolations } from '../support/axe';
import { messages, newPerson, openConversation, sendText, signIn, startDm } from '../support/people';
import { saveShot } from '../support/shots';

const APES = '0xbc4ca0eda7647a8ab7c2061c2e118a18a936f13d';
const root = join(import.meta.dirname, '../..');

function verifyWithCli(file: string) {
  return spawnSync(process.execPath, [join(root, 'packages/trade/bin/parley-verify.mjs'), file], {
    cwd: root,
    encoding: 'utf8',
  });
}

test('offer, counter-offer and acceptance end with the same order hash, and the export verifies offline', async ({
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const alice = await newPerson(browser, 'alice', TEST_KEYS.alice);
  const bob = await newPerson(browser, 'bob', TEST_KEYS.bob);
  await signIn(alice);
  await signIn(bob);
  await startDm(alice, bob.wallet?.address ?? '');
  await sendText(alice, 'gm, want to trade your ape?');
  await openConversation(bob, 'gm, want to trade your ape?');

  // Alice composes the offer; the summary reads it back before the wallet prompt.
  await alice.page.getByRole('button', { name: 'Propose a trade' }).click();
  const compose = alice.page.getByRole('dialog', { name: 'Propose a trade' });
  await expect(compose.getByText('signed by your wallet and is binding', { exact: false })).toBeVisible();
  const give = compose.getByRole('group', { name: 'You give' });
  await give.getByRole('combobox', { name: 'Token' }).selectOption({ label: 'WETH (Wrapped Ether)' });
  await give.getByRole('textbox', { name: 'Amount' }).fill('1');
  const get = compose.getByRole('group', { name: 'You get' });
  await get.getByRole('combobox', { name: 'What' }).selectOption('erc721');
  await get.getByRole('textbox', { name: 'NFT contract address' }).fill(APES);
  await get.getByRole('textbox', { name: 'Token ID' }).fill('7355608');
  await compose.getByRole('textbox', { name: 'Note (optional)' }).fill('1 WETH for your ape, today only');
  await expect(compose.getByText('You give 1 WETH.')).toBeVisible();
  await expect(compose.getByText(/You get .*#7355608\./)).toBeVisible();
  expect(await seriousViolations(alice.page)).toEqual([]);
  await compose.getByRole('button', { name: 'Sign offer with wallet' }).click();
  await expect(compose).toHaveCount(0, { timeout: 30_000 });
  expect(alice.wallet?.signatures.at(-1)?.method).toBe('eth_signTypedData_v4');

  // Bob sees a verified, open offer and counters with 1.2 WETH.
  const bobOffer = messages(bob).filter({ has: bob.page.getByRole('article', { name: 'Trade offer' }) });
  await expect(bobOffer.getByTestId('trade-status')).toHaveText('Open', { timeout: 30_000 });
  await expect(bobOffer.getByText('Signature verified', { exact: false })).toBeVisible();
  await bobOffer.getByRole('button', { name: 'Counter' }).click();
  const counter = bob.page.getByRole('dialog', { name: 'Counter-offer' });
  await counter.getByRole('group', { name: 'You get' }).getByRole('textbox', { name: 'Amount' }).fill('1.2');
  await expect(counter.getByText('You get 1.2 WETH.')).toBeVisible();
  await counter.getByRole('button', { name: 'Sign offer with wallet' }).click();
  await expect(counter).toHaveCount(0, { timeout: 30_000 });

  // Alice sees the counter-offer, and the first offer marked countered; she accepts.
  const aliceCounter = messages(alice).filter({
    has: alice.page.getByRole('article', { name: 'Counter-offer' }),
  });
  await expect(aliceCounter.getByTestId('trade-status')).toHaveText('Open', { timeout: 30_000 });
  await expect(
    messages(alice)
      .filter({ has: alice.page.getByRole('article', { name: 'Trade offer' }) })
      .getByTestId('trade-status'),
  ).toHaveText('Countered');
  await aliceCounter.getByRole('button', { name: 'Accept' }).click();

  // Both sides: accepted, with one order hash.
  const bobCounter = messages(bob).filter({ has: bob.page.getByRole('article', { name: 'Counter-offer' }) });
  await expect(aliceCounter.getByTestId('trade-status')).toHaveText('Accepted', { timeout: 30_000 });
  await expect(bobCounter.getByTestId('trade-status')).toHaveText('Accepted', { timeout: 30_000 });
  const hashOnAlice = await aliceCounter.getByTestId('order-hash').innerText();
  expect(hashOnAlice).toMatch(/^0x[0-9a-f]{64}$/);
  await expect(bobCounter.getByTestId('order-hash')).toHaveText(hashOnAlice);
  await saveShot(alice.page, 'desktop-trade-accepted');

  // Export, verify offline with the CLI, then change one byte and see it refused.
  const [download] = await Promise.all([
    alice.page.waitForEvent('download'),
    aliceCounter.getByRole('button', { name: 'Export negotiation' }).click(),
  ]);
  const file = testInfo.outputPath('negotiation.json');
  await download.saveAs(file);
  const ok = verifyWithCli(file);
  expect(ok.status, ok.stdout + ok.stderr).toBe(0);
  expect(ok.stdout).toContain(hashOnAlice);
  const bytes = readFileSync(file);
  const at = bytes.indexOf('1200000000000000000');
  expect(at).toBeGreaterThan(0);
  bytes[at] = '2'.charCodeAt(0);
  const tampered = testInfo.outputPath('tampered.json');
  writeFileSync(tampered, bytes);
  const bad = verifyWithCli(tampered);
  expect(bad.status).toBe(1);
  expect(bad.stdout + bad.stderr).toContain('INVALID');

  // Bob shares the ape and his claimed payment: Alice sees an NFT card and a transaction card that
  // says "Claimed, not verified" (no RPC URL is configured in this browser).
  await bob.page.getByRole('button', { name: 'Share something on chain' }).click();
  await bob.page.getByRole('button', { name: 'Share NFT' }).click();
  const nft = bob.page.getByRole('dialog', { name: 'Share an NFT' });
  await nft.getByRole('textbox', { name: 'Contract address' }).fill(APES);
  await nft.getByRole('textbox', { name: 'Token ID' }).fill('7355608');
  await nft.getByRole('button', { name: 'Share', exact: true }).click();
  await expect(nft).toHaveCount(0, { timeout: 30_000 });
  await expect(
    messages(alice).filter({ has: alice.page.getByRole('article', { name: 'Shared NFT' }) }),
  ).toContainText('7355608', { timeout: 30_000 });

  await bob.page.getByRole('button', { name: 'Share something on chain' }).click();
  await bob.page.getByRole('button', { name: 'Share transaction' }).click();
  const tx = bob.page.getByRole('dialog', { name: 'Share a transaction' });
  await tx.getByRole('textbox', { name: 'Transaction hash' }).fill(`0x${'ab'.repeat(32)}`);
  await tx.getByRole('textbox', { name: 'From' }).fill(bob.wallet?.address ?? '');
  await tx.getByRole('textbox', { name: 'To' }).fill(alice.wallet?.address ?? '');
  await tx.getByRole('textbox', { name: /^Amount/ }).fill('1.2');
  await tx.getByRole('button', { name: 'Share', exact: true }).click();
  await expect(tx).toHaveCount(0, { timeout: 30_000 });
  await expect(
    messages(alice).filter({ has: alice.page.getByRole('article', { name: 'Shared transaction' }) }),
  ).toContainText('Claimed, not verified', { timeout: 30_000 });

  for (const person of [alice, bob]) {
    expect(person.pageErrors).toEqual([]);
    await person.context.close();
  }
});
