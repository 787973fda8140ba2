// Renders the app's icons from public/favicon.svg with the Chromium the
// tests use (no image tool to install): the manifest's 192 and 512 px
// icons, maskable ones (the mark inside the safe zone on a full-bleed
// background) and the 180 px apple-touch-icon. The PNGs are committed;
// run `node tools/icons.mjs` again after changing the mark.
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const svg = readFileSync(join(root, 'public/favicon.svg'), 'utf8');
const BRAND = '#9b2c1f';
// The mark alone (the favicon's glyph), for icons with their own background.
const glyph = svg.match(/<path[^>]*\/>/)[0];

const plain = (size) => `<img src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}" width="${size}" height="${size}">`;
// Maskable: platforms crop to a circle or squircle inside the central 80%;
// the glyph sits well inside it.
const maskable = (size) => {
  const inner = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="${BRAND}"/><g transform="translate(32 32) scale(0.62) translate(-32 -32)">${glyph}</g></svg>`;
  return `<img src="data:image/svg+xml;base64,${Buffer.from(inner).toString('base64')}" width="${size}" height="${size}">`;
};
// Apple draws its own rounded corners and wants no transparency.
const apple = (size) => {
  const inner = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="${BRAND}"/><g transform="translate(32 32) scale(0.8) translate(-32 -32)">${glyph}</g></svg>`;
  return `<img src="data:image/svg+xml;base64,${Buffer.from(inner).toString('base64')}" width="${size}" height="${size}">`;
};

const icons = [
  ['icon-192.png', 192, plain],
  ['icon-512.png', 512, plain],
  ['maskable-192.png', 192, maskable],
  ['maskable-512.png', 512, maskable],
  ['apple-touch-icon.png', 180, apple],
];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium' });
const page = await browser.newPage({ deviceScaleFactor: 1 });
for (const [name, size, draw] of icons) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<!doctype html><style>html,body{margin:0;background:transparent}img{display:block}</style>${draw(size)}`);
  await page.waitForFunction(() => [...document.images].every((i) => i.complete));
  await page.screenshot({ path: join(root, 'public/icons', name), omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  console.log(`icons: ${name} ${size}x${size}`);
}
await browser.close();
