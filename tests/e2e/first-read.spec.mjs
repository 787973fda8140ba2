// Every page is readable from its first HTML response: without JavaScript,
// when the app fails to load, and while the app takes over (which must not
// move, duplicate or redraw what the reader is looking at).
import { test, expect } from './fixtures.mjs';
import { listing, article, appReady, distJson } from './helpers.mjs';

const site = () => distJson('content/site.json');
const story = () => listing('kind/analysis').items.find((s) => s.hero);

test.describe('with JavaScript disabled', () => {
  test.use({ javaScriptEnabled: false });

  test('an article reads fully: header, hero, body, tags, rail, share links', async ({ page }) => {
    const s = story();
    const a = article(s.slug);
    await page.goto(`/articles/${s.slug}`);
    await expect(page.locator('h1.headline')).toHaveText(a.headline);
    await expect(page.locator('.dek')).toHaveText(a.dek);
    await expect(page.locator('.byline-authors')).toContainText(a.authors[0]);
    await expect(page.locator('figure.hero img')).toHaveAttribute('alt', a.hero.alt);
    expect(await page.locator('.article-body p').count()).toBeGreaterThan(3);
    for (const tag of a.tags) await expect(page.locator('.tags')).toContainText(tag);
    await expect(page.getByRole('complementary')).toContainText('Related');
    await expect(page.locator('footer.site-footer')).toContainText(site().tagline);
    // Share links are ordinary links, shown; buttons that need the app are not.
    const x = page.locator('article.article a.share-x');
    await expect(x).toBeVisible();
    await expect(x).toHaveAttribute('href', /^https:\/\/x\.com\/intent\/tweet\?/);
    await expect(page.locator('article.article .share-toggle')).toBeHidden();
    await expect(page.locator('article.article .share-copy')).toBeHidden();
  });

  test('links navigate as ordinary pages: front page → section → article → page 2', async ({ page }) => {
    const section = site().sections[0];
    await page.goto('/');
    await expect(page.locator('.front-lead .card-lead h2')).toBeVisible();
    await page.locator('.sections-nav').getByRole('link', { name: section.name }).click();
    await expect(page).toHaveURL(new RegExp(`/sections/${section.slug}$`));
    await expect(page.locator('h1')).toHaveText(section.name);
    await expect(page.locator('.sections-nav a[aria-current="page"]')).toHaveText(section.name);
    const first = listing(`section/${section.slug}`).items.find((s) => s.kind !== 'brief');
    await page.getByRole('link', { name: first.headline, exact: true }).first().click();
    await expect(page.locator('h1.headline')).toHaveText(first.headline);
    const latest = listing('latest', 1);
    test.skip(latest.pages < 2, 'one page of stories');
    await page.goto('/latest');
    await page.getByRole('link', { name: 'More stories' }).click();
    await expect(page).toHaveURL(/\/latest\/2$/);
    await expect(page.locator('.listing-stories .card-headline a').first()).toHaveText(listing('latest', 2).items[0].headline);
  });

  test('briefs show their whole text, with no button that cannot work', async ({ page }) => {
    await page.goto('/');
    const brief = page.locator('.front-briefs .brief').filter({ has: page.locator('.brief-more') }).first();
    await expect(brief.locator('.brief-more')).toBeVisible();
    await expect(brief.getByRole('button')).toHaveCount(0);
  });
});

test('when the app cannot load, pages still read fully and link as pages', async ({ page }) => {
  await page.route(/\.wasm$/, (route) => route.fulfill({ status: 404, body: '' }));
  await page.goto('/');
  await page.waitForFunction(() => document.documentElement.classList.contains('no-app'));
  const brief = page.locator('.front-briefs .brief').filter({ has: page.locator('.brief-more') }).first();
  await expect(brief.locator('.brief-more')).toBeVisible();
  await expect(brief.getByRole('button', { name: 'Keep reading' })).toBeHidden();
  const lead = page.locator('.front-lead .card-lead h2 a');
  const headline = await lead.textContent();
  await lead.click();
  await expect(page.locator('h1.headline')).toHaveText(headline);
});

/** Records every layout shift from navigation start (buffered entries). */
async function recordShifts(page) {
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        window.__shifts.push({ value: e.value, recent: e.hadRecentInput, sources: e.sources.map((s) => s.node?.nodeName + '.' + (s.node?.className || '')) });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

for (const [name, path] of [
  ['an article', () => `/articles/${story().slug}`],
  ['a section', () => `/sections/${site().sections[1].slug}`],
  ['the front page', () => '/'],
]) {
  for (const width of [375, 1280]) {
    test(`the app takes over ${name} at ${width} px without a layout shift or duplicated content`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      await recordShifts(page);
      await page.goto(path());
      await appReady(page);
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(500);
      const shifts = await page.evaluate(() => window.__shifts);
      const cls = shifts.reduce((sum, s) => sum + s.value, 0);
      expect(cls, JSON.stringify(shifts)).toBeLessThan(0.02);
      // One page, one main heading, one of everything.
      await expect(page.locator('main > .page')).toHaveCount(1);
      await expect(page.locator('h1')).toHaveCount(1);
      await expect(page.locator('header.masthead')).toHaveCount(1);
      await expect(page.locator('footer.site-footer')).toHaveCount(1);
      expect(await page.locator('aside.rail').count()).toBeLessThanOrEqual(1);
    });
  }
}

test('a reader who scrolled and selected text before the app arrived keeps both', async ({ page }) => {
  const s = story();
  // Hold the app back until the reader is well into the article.
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(/\.wasm$/, async (route) => { await held; await route.continue(); });
  await page.setViewportSize({ width: 375, height: 700 });
  await page.goto(`/articles/${s.slug}`);
  const paragraph = page.locator('.article-body p').nth(4);
  await paragraph.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, -100));
  const before = await page.evaluate(() => window.scrollY);
  expect(before).toBeGreaterThan(500);
  const text = await paragraph.evaluate((p) => {
    const range = document.createRange();
    range.selectNodeContents(p);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    return getSelection().toString();
  });
  expect(text.length).toBeGreaterThan(20);
  release();
  await appReady(page);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => window.scrollY)).toBe(before);
  expect(await page.evaluate(() => getSelection().toString())).toBe(text);
});

test('moving on from the first page draws the next one in place of it', async ({ page }) => {
  const s = story();
  await page.goto(`/articles/${s.slug}`);
  await appReady(page);
  const next = page.locator('.rail-related .card-headline a').first();
  const headline = await next.textContent();
  const navigations = [];
  page.on('request', (r) => { if (r.isNavigationRequest()) navigations.push(new URL(r.url()).pathname); });
  await next.click();
  await expect(page.locator('h1.headline')).toHaveText(headline);
  await expect(page.locator('main > .page')).toHaveCount(1);
  await expect(page.locator('h1')).toHaveCount(1);
  // The app drew it from content files: no page was loaded.
  expect(navigations).toEqual([]);
  await expect(page).toHaveTitle(new RegExp(`^${headline.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} — `));
});
