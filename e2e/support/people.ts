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
  readonly wallet: TestWallet;
  readonly pageErrors: string[];
}

export async function newPerson(browser: Browser, name: string, privateKey: string): Promise<Person> {
  const context = await browser.newContext();
  const wallet = await installTestWallet(context, { privateKey });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
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
