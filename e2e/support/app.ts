// Small steps shared by the specs.
import type { Page } from '@playwright/test';
import { expect } from '../fixtures';
import { chatData } from './chat-data';
import { seedDatabase } from './seed';

/** Opens the app on a fresh profile and waits for the first screen. */
export async function openApp(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

/** Opens the app signed in as `me`, with the sample conversations. */
export async function openSignedIn(page: Page, me: string, path = '/'): Promise<ReturnType<typeof chatData>> {
  await openApp(page);
  const data = chatData(me);
  await seedDatabase(page, {
    account: [data.account],
    conversations: data.conversations,
    messages: data.messages,
  });
  await page.goto(path);
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Conversations' })).toBeVisible();
  return data;
}
