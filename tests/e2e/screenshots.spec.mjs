// Screenshots of the front page and an article at phone and desktop widths,
// light and dark, kept in tests/artifacts/ for review (not committed). Each
// also checks the page has no horizontal scrolling at that width.
import { test, expect } from '@playwright/test';
import { listing, artifactPath, loadLazyImages } from './helpers.mjs';

const slug = () => listing('kind/analysis').items[0].slug;

for (const scheme of ['light', 'dark']) {
  for (const width of [375, 1280]) {
    test(`screenshots at ${width} px, ${scheme}`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width, height: 900 });
      await page.goto('/');
      await expect(page.locator('.front-lead .card-lead img')).toBeVisible();
      await loadLazyImages(page);
      await page.screenshot({ path: artifactPath(`front-${width}-${scheme}.png`), fullPage: true });
      await page.goto(`/articles/${slug()}`);
      await expect(page.locator('.rail-related .card').first()).toBeVisible();
      await loadLazyImages(page);
      await page.screenshot({ path: artifactPath(`article-${width}-${scheme}.png`), fullPage: true });
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(bg).toBe(scheme === 'dark' ? 'rgb(22, 24, 27)' : 'rgb(250, 247, 242)');
    });
  }
}

test('no horizontal scrolling at 320 px on any page type', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  for (const path of ['/', `/articles/${slug()}`, '/latest', '/sections/europe', '/articles/missing-page']) {
    await page.goto(path);
    await page.waitForFunction(() => !document.querySelector('.loading') && !document.getElementById('boot'));
    await page.waitForTimeout(200);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBe(0);
  }
});
