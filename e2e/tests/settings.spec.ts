import { expect, test } from '../fixtures';
import { openApp } from '../support/app';
import { readStore } from '../support/seed';

test('settings are stored in the preferences table and survive a reload', async ({ page }) => {
  await openApp(page);
  await page.getByRole('link', { name: 'Language and appearance' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();

  await page.getByRole('radio', { name: 'Dark' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByRole('switch', { name: 'Send read receipts' }).uncheck();
  await page.getByRole('switch', { name: 'Show when I’m typing' }).uncheck();
  await page.getByLabel('Language').selectOption('es');
  await expect(page.getByRole('heading', { level: 1, name: 'Ajustes' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Ajustes' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('radio', { name: 'Oscuro' })).toBeChecked();
  await expect(page.getByRole('switch', { name: 'Enviar confirmaciones de lectura' })).not.toBeChecked();
  await expect(page.getByRole('switch', { name: 'Mostrar cuándo estoy escribiendo' })).not.toBeChecked();
  await expect(page.getByRole('switch', { name: 'Mostrar cuándo estoy en línea' })).toBeChecked();

  const rows = await readStore<{ key: string; value: unknown }>(page, 'preferences');
  expect(Object.fromEntries(rows.map((r) => [r.key, r.value]))).toMatchObject({
    theme: 'dark',
    language: 'es',
    'privacy.readReceipts': false,
    'privacy.typing': false,
  });

  // Back to English and the system theme.
  await page.getByLabel('Idioma').selectOption('en');
  await page.getByRole('radio', { name: 'System' }).check();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});

test('the system theme follows the operating system', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openApp(page);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});
