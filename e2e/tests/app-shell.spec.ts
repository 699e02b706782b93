import { expect, test } from '../fixtures';
import { TEST_WALLET_NAME } from '../fixtures/test-wallet';
import { openApp } from '../support/app';

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('the app loads, with a manifest whose icons exist at their stated sizes', async ({ page, request }) => {
  await openApp(page);
  await expect(page).toHaveTitle('Parley');
  await expect(page.getByRole('heading', { level: 1, name: 'Parley' })).toBeVisible();
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', '/manifest.webmanifest');

  const manifest = (await (await request.get('/manifest.webmanifest')).json()) as {
    name: string;
    display: string;
    theme_color: string;
    icons: Array<{ src: string; sizes: string; purpose?: string; type: string }>;
  };
  expect(manifest.name).toBe('Parley');
  expect(manifest.display).toBe('standalone');
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
  const pngs = manifest.icons.filter((i) => i.type === 'image/png');
  expect(pngs.map((i) => `${i.sizes} ${i.purpose}`).sort()).toEqual([
    '192x192 any',
    '512x512 any',
    '512x512 maskable',
  ]);
  for (const icon of pngs) {
    const res = await request.get(icon.src);
    expect(res.status()).toBe(200);
    const [w, h] = icon.sizes.split('x').map(Number);
    expect(pngSize(await res.body())).toEqual({ width: w, height: h });
  }
});

test('the test wallet is discovered by name through EIP-6963 and connects through EIP-1193', async ({
  page,
  testWallet,
}) => {
  await openApp(page);
  const option = page.getByRole('button', { name: TEST_WALLET_NAME });
  await expect(option).toBeVisible();
  await expect(option.locator('img')).toHaveAttribute('src', /^data:image\/svg\+xml;base64,/);
  await option.click();

  await expect(page.getByText(`Connected with ${TEST_WALLET_NAME}:`)).toBeVisible();
  await expect(page.getByTestId('connected-address')).toHaveText(testWallet.address);
  // Both signatures are explained before any is requested.
  await expect(page.getByText('Sign in to the relay')).toBeVisible();
  await expect(page.getByText('Link this device')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  expect(testWallet.signatures).toEqual([]);

  await page.getByRole('button', { name: 'Use another wallet' }).click();
  await expect(option).toBeVisible();
});
