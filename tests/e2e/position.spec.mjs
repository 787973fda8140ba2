// Reading position: the progress bar, the place kept per article (anchored
// to the text) and restored after a reload, offline and at another text
// size; progress in the library and on cards; "Continue reading".
import { test, expect } from './fixtures.mjs';
import { appReady } from './helpers.mjs';

test.use({ viewport: { width: 375, height: 667 } });

const SLUG = 'rhine-danube-low-water-freight';
const BLOCK = 9;

async function openArticle(page, slug = SLUG) {
  await page.goto(`/articles/${slug}`);
  await appReady(page);
  await expect(page.locator('.saved-on')).toContainText('Available offline');
}

/** Scrolls so block `n` of the body is at the top of the window, as a reader would. */
async function scrollToBlock(page, n) {
  await page.evaluate((n) => {
    const el = document.querySelectorAll('main .article-body > *')[n];
    window.scrollTo(0, window.scrollY + el.getBoundingClientRect().top + 5);
  }, n);
  // The position is written once scrolling pauses.
  await page.waitForTimeout(1600);
}

/** Where block `n`'s top is relative to the window's top, in px. */
const blockTop = (page, n) => page.evaluate((n) => document.querySelectorAll('main .article-body > *')[n].getBoundingClientRect().top, n);

const progress = (page) => page.getByRole('progressbar', { name: 'Reading progress' });

test('the progress bar follows the reader, and the place comes back on the next visit', async ({ page }) => {
  await openArticle(page);
  await expect(progress(page)).toHaveAttribute('aria-valuenow', /^\d+$/);
  const start = Number(await progress(page).getAttribute('aria-valuenow'));
  await scrollToBlock(page, BLOCK);
  const middle = Number(await progress(page).getAttribute('aria-valuenow'));
  expect(middle).toBeGreaterThan(start);
  expect(middle).toBeLessThan(100);
  // A new visit (a reload would have the browser put the pixels back).
  await page.goto('/');
  await page.goto(`/articles/${SLUG}`);
  await appReady(page);
  await expect.poll(() => blockTop(page, BLOCK)).toBeLessThan(20);
  expect(await blockTop(page, BLOCK)).toBeGreaterThan(-30);
  await expect(progress(page)).toHaveAttribute('aria-valuenow', String(middle));

  // The end of the article: "Read", and the next visit starts at the top.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.waitForTimeout(1600);
  await expect(progress(page)).toHaveAttribute('aria-valuenow', '100');
  await page.goto('/');
  await page.goto(`/articles/${SLUG}`);
  await appReady(page);
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
});

test('a larger text size keeps the same words at the top, now and on the next visit', async ({ page }) => {
  await openArticle(page);
  await scrollToBlock(page, BLOCK);
  const words = await page.locator('main .article-body > *').nth(BLOCK).textContent();
  // Chosen where the reader is (the panel's radio changed without
  // scrolling to the masthead, as a keyboard shortcut does).
  await page.evaluate(() => {
    const radio = document.querySelector('.settings-panel input[name=text][value=xxl]');
    radio.checked = true;
    radio.dispatchEvent(new Event('change', { bubbles: true }));
  });
  expect(await page.evaluate(() => document.documentElement.dataset.text)).toBe('xxl');
  await page.waitForTimeout(1600);
  // Same block at the top, though every pixel offset changed.
  await expect.poll(() => blockTop(page, BLOCK)).toBeLessThan(20);
  expect(await blockTop(page, BLOCK)).toBeGreaterThan(-40);
  await page.goto('/');
  await page.goto(`/articles/${SLUG}`);
  await appReady(page);
  await expect.poll(() => blockTop(page, BLOCK)).toBeLessThan(20);
  expect(await page.locator('main .article-body > *').nth(BLOCK).textContent()).toBe(words);
});

test('offline, an article opens where the reader left it', async ({ page, context }) => {
  await openArticle(page);
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await scrollToBlock(page, BLOCK);
  await page.goto('/');
  await context.setOffline(true);
  await page.goto(`/articles/${SLUG}`);
  await appReady(page);
  await expect.poll(() => blockTop(page, BLOCK)).toBeLessThan(20);
  expect(await blockTop(page, BLOCK)).toBeGreaterThan(-30);
  await context.setOffline(false);
});

test('progress shows in the library and on the front page, which offers to continue reading', async ({ page }) => {
  await openArticle(page);
  const headline = await page.locator('h1.headline').textContent();
  await scrollToBlock(page, BLOCK);
  const percent = await progress(page).getAttribute('aria-valuenow');

  await page.goto('/library');
  const item = page.locator('.library-item', { hasText: headline });
  await expect(item.locator('.progress-note')).toHaveText(`${percent}% read`);

  await page.goto('/');
  await appReady(page);
  const resume = page.getByRole('complementary', { name: 'Continue reading' });
  await expect(resume).toBeVisible();
  await expect(resume.getByRole('link', { name: headline })).toHaveAttribute('href', `/articles/${SLUG}`);
  await expect(resume).toContainText(`${percent}% read`);
  // Every card of that story on the page says how far it was read.
  const cards = page.locator(`.card-status[data-slug="${SLUG}"]`);
  if (await cards.count()) await expect(cards.first()).toContainText(`${percent}% read`);
  // It goes back to the place.
  await resume.getByRole('link', { name: headline }).click();
  await expect(page.locator('h1.headline')).toHaveText(headline);
  await expect.poll(() => blockTop(page, BLOCK)).toBeLessThan(20);

  // Dismissed, it stays away.
  await page.goto('/');
  await appReady(page);
  await page.getByRole('button', { name: 'Dismiss “Continue reading”' }).click();
  await expect(resume).toHaveCount(0);
  await page.reload();
  await appReady(page);
  await page.waitForTimeout(500);
  await expect(resume).toHaveCount(0);
});
