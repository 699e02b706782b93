// Real people for the chat scenarios: each one is a browser context with its own test wallet
// (EIP-6963 + EIP-1193, signing in Node) and its own IndexedDB, signed in to the real relay
// through the app's own onboarding screens.
import type { Browser, BrowserContext, Locator, Page } from '@playwright/test';
import { expect } from '../fixtures';
import { installTestWallet, TEST_WALLET_NAME, type TestWallet } from '../fixtures/test-wallet';

export interface Person {
  readonly name: string;
  readonly context: BrowserContext;
  readonly page: Page;
  /** The test wallet extension, when this person has one (not with the built-in wallet). */
  readonly wallet: TestWallet | undefined;
  readonly pageErrors: string[];
}

/** A browser context for `name`; with `privateKey`, a test wallet extension is installed in it. */
export async function newPerson(browser: Browser, name: string, privateKey?: string): Promise<Person> {
  const context = await browser.newContext();
  const wallet = privateKey ? await installTestWallet(context, { privateKey }) : undefined;
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  // PARLEY_E2E_CONSOLE=1 echoes the app's warnings and errors, prefixed with who saw them.
  if (process.env.PARLEY_E2E_CONSOLE)
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') console.log(`[${name}] ${m.type()}: ${m.text()}`);
    });
  return { name, context, page, wallet, pageErrors };
}

/** Connects the test wallet and signs in through the onboarding screens (two wallet prompts). */
export async function signIn(person: Person): Promise<void> {
  const { page } = person;
  await page.goto('/');
  await page.getByRole('button', { name: TEST_WALLET_NAME }).click();
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation', { name: 'Conversations' })).toBeVisible({ timeout: 30_000 });
}

/** Opens a new DM with `address` from the "New conversation" dialog. */
export async function startDm(person: Person, address: string): Promise<void> {
  const { page } = person;
  await page.getByRole('button', { name: 'New conversation' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Wallet address or ENS name' }).fill(address);
  await dialog.getByRole('button', { name: 'Start conversation' }).click();
  await expect(page.getByRole('textbox', { name: 'Message' })).toBeVisible();
}

export async function sendText(person: Person, text: string): Promise<void> {
  const composer = person.page.getByRole('textbox', { name: 'Message' });
  await composer.fill(text);
  await person.page.getByRole('button', { name: 'Send' }).click();
  await expect(composer).toHaveValue('');
}

export function messages(person: Person) {
  return person.page.getByRole('list', { name: 'Messages' }).getByRole('listitem');
}

/** Opens the conversation whose list entry shows `preview` (its last message). */
export async function openConversation(person: Person, preview: string): Promise<void> {
  const list = person.page.getByRole('navigation', { name: 'Conversations' });
  const entry = list.getByRole('link').filter({ hasText: preview });
  await expect(entry).toBeVisible({ timeout: 30_000 });
  await entry.click();
  await expect(person.page.getByRole('list', { name: 'Messages' })).toBeVisible();
}

/** The delivery tick of one of my messages; its accessible name is the status. */
export function tick(message: Locator): Locator {
  return message.locator('.ticks');
}

/** Opens the open DM's safety number dialog, reads the 60 digits, and closes it. */
export async function safetyDigits(person: Person): Promise<string> {
  const { page } = person;
  await page.getByRole('button', { name: 'Safety number' }).click();
  const digits = page.getByTestId('safety-digits');
  await expect(digits).toBeVisible();
  const text = (await digits.innerText()).replace(/[^0-9]/g, '');
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
  return text;
}

/**
 * Creates a built-in wallet ("Create a wallet in this browser") and signs in with it, approving
 * each signature in the app's own approval dialog. Returns the new wallet's address.
 */
export async function signInWithBuiltinWallet(person: Person, passphrase: string): Promise<string> {
  const { page } = person;
  await page.goto('/');
  await page.getByRole('button', { name: 'Create a wallet in this browser' }).click();
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByLabel('Repeat the passphrase').fill(passphrase);
  await page.getByRole('checkbox', { name: /I understand/ }).check();
  await page.getByRole('button', { name: 'Create wallet' }).click();
  const shown = page.getByTestId('connected-address');
  await expect(shown).toHaveText(/^0x[0-9a-f]{40}$/, { timeout: 30_000 });
  const address = (await shown.textContent()) ?? '';
  await page.getByRole('button', { name: 'Sign in' }).click();
  // Two prompts: the SIWE sign-in, then linking this device.
  for (const title of ['Sign in to Parley', 'Link this device']) {
    const dialog = page.getByRole('dialog', { name: title });
    await expect(dialog).toBeVisible({ timeout: 30_000 });
    await dialog.getByRole('button', { name: 'Sign', exact: true }).click();
  }
  await expect(page.getByRole('navigation', { name: 'Conversations' })).toBeVisible({ timeout: 30_000 });
  return address;
}
