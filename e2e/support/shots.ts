// Saves a screenshot for docs/screenshots/ (linked from the README).
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect } from '../fixtures';

export const SCREENSHOTS = join(dirname(fileURLToPath(import.meta.url)), '../../docs/screenshots');

export async function saveShot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // Let the virtualiser measure and fonts settle before the picture.
  await page.waitForTimeout(300);
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path });
  expect(existsSync(path)).toBe(true);
}
