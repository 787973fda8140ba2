// A right-to-left site: the sample built with its language set to Arabic
// (dist-rtl/, built by ./x test) is written right to left and laid out as
// a mirror image: masthead, rail, quotes, the settings panel and the
// reading progress all start from the right, with nothing off screen.
import { test, expect } from './fixtures.mjs';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { appReady, listing, startNginx } from './helpers.mjs';

const PORT = 8099;
const base = `http://127.0.0.1:${PORT}`;
let stop;

test.beforeAll(() => {
  if (!existsSync('dist-rtl/index.html')) throw new Error('dist-rtl/ is missing: ./x test builds it before the end-to-end run');
  stop = startNginx({ conf: 'deploy/nginx/folio.conf', root: resolve('dist-rtl'), port: PORT, policy: 'dist-rtl/security-policy.txt' });
});

test.afterAll(() => stop());

const box = (page, sel) => page.locator(sel).first().evaluate((e) => { const r = e.getBoundingClientRect(); return { left: r.left, right: r.right }; });

test('pages are written right to left and mirrored', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const s = listing('latest').items.find((x) => x.kind !== 'brief');
  await page.goto(`${base}/articles/${s.slug}`);
  await appReady(page);
  expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
  // The wordmark starts the masthead at the right; the rail is on the left.
  const word = await box(page, '.wordmark');
  const tools = await box(page, '.tools-nav');
  expect(word.right).toBeGreaterThan(1100);
  expect(tools.left).toBeLessThan(word.left);
  const body = await box(page, '.article-body');
  const rail = await box(page, 'aside.rail');
  expect(rail.right).toBeLessThanOrEqual(body.left + 1);
  // Lists indent from the right.
  const list = page.locator('.article-body ul, .article-body ol').first();
  if (await list.count()) {
    expect(await list.evaluate((e) => parseFloat(getComputedStyle(e).paddingRight))).toBeGreaterThan(10);
  }
  // The settings panel opens on screen, under its button.
  await page.getByRole('button', { name: 'Display settings' }).click();
  const panel = await box(page, '.settings-panel');
  expect(panel.left).toBeGreaterThanOrEqual(0);
  expect(panel.right).toBeLessThanOrEqual(1280);
  // Reading progress fills from the right.
  expect(await page.locator('.reading-progress-fill').evaluate((e) => getComputedStyle(e).transformOrigin)).toMatch(/^\d+(\.\d+)?px 2px$/);
  const origin = await page.locator('.reading-progress-fill').evaluate((e) => parseFloat(getComputedStyle(e).transformOrigin));
  expect(origin).toBeGreaterThan(1000);
});

test('nothing is cut off or scrolls sideways at 320 px', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  for (const path of ['/', `/articles/${listing('latest').items[0].slug}`, `/sections/${listing('latest').items[0].section}`]) {
    await page.goto(`${base}${path}`);
    await appReady(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
    expect(await page.evaluate(() => document.dir)).toBe('rtl');
  }
});
