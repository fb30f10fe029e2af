/**
 * Renders the app icons (PNG) from the SVGs in public/icons with headless Chromium.
 * Run once after changing an SVG, and commit the PNGs: `npx tsx tests/support/make-icons.ts`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './browser.ts';

const icons = fileURLToPath(new URL('../../public/icons/', import.meta.url));

const outputs: { svg: string; size: number; png: string }[] = [
  { svg: 'icon.svg', size: 192, png: 'icon-192.png' },
  { svg: 'icon.svg', size: 512, png: 'icon-512.png' },
  { svg: 'icon-maskable.svg', size: 192, png: 'icon-maskable-192.png' },
  { svg: 'icon-maskable.svg', size: 512, png: 'icon-maskable-512.png' },
  // iOS fills transparency with black and rounds the corners itself: use the full-bleed art.
  { svg: 'icon-maskable.svg', size: 180, png: 'apple-touch-icon.png' },
];

const browser = await launchChromium();
try {
  const page = await browser.newPage();
  for (const { svg, size, png } of outputs) {
    const source = (await readFile(`${icons}${svg}`)).toString('base64');
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<html><body style="margin:0;background:transparent">` +
        `<img src="data:image/svg+xml;base64,${source}" width="${size}" height="${size}" style="display:block">` +
        `</body></html>`,
    );
    await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
    const bytes = await page.screenshot({
      omitBackground: true,
      clip: { x: 0, y: 0, width: size, height: size },
    });
    await writeFile(`${icons}${png}`, bytes);
    console.log(`public/icons/${png} (${size}×${size})`);
  }
} finally {
  await browser.close();
}
