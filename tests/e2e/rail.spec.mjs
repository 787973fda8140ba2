// The related-stories rail: contents, the brief disclosure, and placement.
import { test, expect } from './fixtures.mjs';
import { listing, article, appReady } from './helpers.mjs';

const withRelated = () => listing('kind/analysis').items.find((s) => (article(s.slug).related || []).length > 0);

test('rail shows explicit related picks first, briefs, sections, latest and follow us', async ({ page }) => {
  const s = withRelated();
  const a = article(s.slug);
  await page.goto(`/articles/${s.slug}`);
  const rail = page.locator('aside.rail');
  const relatedLinks = rail.locator('.rail-related .card-headline a');
  await expect(relatedLinks.first()).toBeVisible();
  const hrefs = await relatedLinks.evaluateAll((els) => els.map((e) => e.getAttribute('href')));
  expect(hrefs.slice(0, a.related.length)).toEqual(a.related.map((r) => `/articles/${r}`));
  expect(hrefs).not.toContain(`/articles/${s.slug}`);
  expect(new Set(hrefs).size).toBe(hrefs.length);
  await expect(rail.locator('.rail-briefs .brief').first()).toBeVisible();
  await expect(rail.locator('.section-card').first()).toBeVisible();
  expect(await rail.locator('.section-card a').allTextContents()).not.toContain(
    (await page.locator('.article-header a.kicker-section').textContent()));
  await expect(rail.locator('.rail-latest li').first()).toBeVisible();
  await expect(rail.locator('.follow-us a[rel~="noopener"]').first()).toBeVisible();
});

test('brief toggle works by mouse and by keyboard', async ({ page }) => {
  await page.goto(`/articles/${withRelated().slug}`);
  // The toggle is the app's: it works once the app has started.
  await appReady(page);
  const brief = page.locator('.rail-briefs .brief').first();
  // The label changes with the state, so hold the button by its class.
  const button = brief.locator('button.brief-toggle');
  await expect(button).toHaveText('Keep reading');
  const more = brief.locator('.brief-more');
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await expect(more).toBeHidden();

  await button.click();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  await expect(button).toHaveText('Show less');
  await expect(more).toBeVisible();
  await button.click();
  await expect(more).toBeHidden();

  // Keyboard: focus the button, Enter opens, Space closes.
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(more).toBeVisible();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Space');
  await expect(more).toBeHidden();
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  const controls = await button.getAttribute('aria-controls');
  expect(await more.getAttribute('id')).toBe(controls);
});

for (const [width, beside] of [[1280, true], [375, false]]) {
  test(`rail is ${beside ? 'beside' : 'after'} the body at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`/articles/${withRelated().slug}`);
    await expect(page.locator('.rail-related .card').first()).toBeVisible();
    const body = await page.locator('article.article').boundingBox();
    const rail = await page.locator('aside.rail').boundingBox();
    if (beside) {
      expect(rail.x).toBeGreaterThanOrEqual(body.x + body.width);
      expect(rail.y).toBeLessThan(body.y + 200);
    } else {
      expect(rail.y).toBeGreaterThanOrEqual(body.y + body.height);
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
  });
}
