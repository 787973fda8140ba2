// Screenshots of the front page and an article at phone and desktop widths,
// light and dark, kept in tests/artifacts/ for review (not committed). Each
// also checks the page has no horizontal scrolling at that width.
import { test, expect } from './fixtures.mjs';
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

// WCAG AA: 4.5:1 for body-size text, in both themes, on the article page.
function luminance([r, g, b]) {
  const c = [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}
const ratio = (a, b) => { const [x, y] = [luminance(a), luminance(b)].sort((m, n) => n - m); return (x + 0.05) / (y + 0.05); };

for (const scheme of ['light', 'dark']) {
  test(`text contrast meets WCAG AA in the ${scheme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`/articles/${slug()}`);
    await expect(page.locator('.rail-related .card').first()).toBeVisible();
    const pairs = await page.evaluate(() => {
      const rgb = (s) => s.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);
      const bgOf = (el) => {
        for (let e = el; e; e = e.parentElement) {
          const c = getComputedStyle(e).backgroundColor;
          if (c && !c.endsWith(', 0)') && c !== 'transparent') return rgb(c);
        }
        return rgb(getComputedStyle(document.body).backgroundColor);
      };
      const sel = ['.headline', '.dek', '.byline-meta', '.kicker a', '.article-body p', '.article-body a',
        '.hero figcaption', '.card-meta', '.brief-toggle', '.section-card p', '.tag', '.site-footer p'];
      return sel.flatMap((s) => [...document.querySelectorAll(s)].slice(0, 1).map((el) => ({
        s, fg: rgb(getComputedStyle(el).color), bg: bgOf(el),
      })));
    });
    expect(pairs.length).toBeGreaterThan(8);
    for (const { s, fg, bg } of pairs) {
      expect(ratio(fg, bg), `${s} ${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
    }
  });
}
