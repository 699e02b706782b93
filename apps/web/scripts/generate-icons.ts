// Rasterises the SVG logos in public/icons into the PNG icons the web app manifest names.
// Run after changing a logo: `node --import tsx apps/web/scripts/generate-icons.ts`.
// It uses Debian's chromium (no download, no network); the PNGs are committed so a build needs
// neither chromium nor this script.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const iconsDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icons');

const outputs = [
  { source: 'logo.svg', file: 'icon-192.png', size: 192 },
  { source: 'logo.svg', file: 'icon-512.png', size: 512 },
  { source: 'logo-maskable.svg', file: 'icon-maskable-512.png', size: 512 },
  // iOS rounds the corners itself and shows transparency as black, so it gets the full-bleed art.
  { source: 'logo-maskable.svg', file: 'apple-touch-icon-180.png', size: 180 },
] as const;

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  for (const { source, file, size } of outputs) {
    const svg = readFileSync(join(iconsDir, source), 'utf8');
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    await page.setContent(
      `<html><body style="margin:0;background:transparent"><img src="${dataUrl}" width="${size}" height="${size}" style="display:block"></body></html>`,
    );
    await page.waitForFunction(() => document.images[0]?.complete === true);
    await page.screenshot({ path: join(iconsDir, file), omitBackground: true, type: 'png' });
    await page.close();
    console.log(`wrote ${file} (${size}x${size})`);
  }
} finally {
  await browser.close();
}
