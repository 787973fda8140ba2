// Journeys through the magazine: front page, sections, articles, related
// stories, history, deep links, pagination and titles.
import { test, expect } from './fixtures.mjs';
import { listing, article, appReady, distJson, openInApp } from './helpers.mjs';

const site = () => distJson('content/site.json');
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('front page → section → article → related story → back', async ({ page }) => {
  const section = site().sections[0];
  const inSection = listing(`section/${section.slug}`).items;
  await page.goto('/');
  await appReady(page);

  await page.locator('.sections-nav').getByRole('link', { name: section.name }).click();
  await expect(page).toHaveURL(new RegExp(`/sections/${section.slug}$`));
  await expect(page.locator('.listing-header h1')).toHaveText(section.name);
  await expect(page).toHaveTitle(new RegExp(`^${escape(section.name)} — `));
  // Newest first, exactly as the listing orders them.
  const shown = await page.locator('.listing-stories .card-headline a, .listing-stories .brief-headline a').allTextContents();
  expect(shown).toEqual(inSection.map((s) => s.headline));

  const first = inSection.find((s) => s.kind !== 'brief');
  await page.getByRole('link', { name: first.headline, exact: true }).first().click();
  await expect(page.locator('h1.headline')).toHaveText(first.headline);

  const related = page.locator('.rail-related .card-headline a').first();
  await expect(related).toBeVisible();
  const relatedTitle = await related.textContent();
  expect(relatedTitle).not.toBe(first.headline);
  await related.click();
  await expect(page.locator('h1.headline')).toHaveText(relatedTitle);

  await page.goBack();
  await expect(page.locator('h1.headline')).toHaveText(first.headline);
  await page.goBack();
  await expect(page.locator('.listing-header h1')).toHaveText(section.name);
});

test('a deep link opened cold renders the article with its metadata', async ({ page }) => {
  const slug = listing('kind/analysis').items[1].slug;
  const a = article(slug);
  await page.goto(`/articles/${slug}`);
  await expect(page.locator('h1.headline')).toHaveText(a.headline);
  await expect(page).toHaveTitle(new RegExp(`^${escape(a.headline)} — `));
  await expect(page.locator('meta[name="description"]').last()).toHaveAttribute('content', a.dek);
  // Kicker: kind and section, each a link to its listing.
  const kicker = page.locator('.article-header .kicker');
  await expect(kicker.locator('a.kicker-kind')).toHaveAttribute('href', '/kinds/analysis');
  await expect(kicker.locator('a.kicker-section')).toHaveAttribute('href', `/sections/${a.section}`);
  // Machine-readable and localised dates.
  await expect(page.locator('.byline time').first()).toHaveAttribute('datetime', a.published);
  await expect(page.locator('.byline')).toContainText('min read');
  for (const author of a.authors) await expect(page.locator('.byline-authors')).toContainText(author);
  // Hero with alt, caption and credit in a figure.
  await expect(page.locator('figure.hero img')).toHaveAttribute('alt', a.hero.alt);
  await expect(page.locator('figure.hero figcaption')).toContainText(a.hero.credit);
  // Semantic structure: one h1, body headings start at h2.
  expect(await page.locator('h1').count()).toBe(1);
  expect(await page.locator('.article-body h1').count()).toBe(0);
  expect(await page.locator('.article-body h2').count()).toBeGreaterThan(0);
  for (const tag of a.tags) await expect(page.locator('.tags')).toContainText(tag);
  // A refresh keeps the reader on the same article.
  await page.reload();
  await expect(page.locator('h1.headline')).toHaveText(a.headline);
});

test('"More stories" loads the next page of the listing, not the archive', async ({ page }) => {
  const first = listing('latest', 1);
  test.skip(first.pages < 2, 'the sample corpus has a single page');
  const second = listing('latest', 2);
  const requested = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (/^\/latest(\/|$)|\/content\/listings\/latest\//.test(path)) requested.push(path);
  });
  await page.goto('/latest');
  // The first page is the document; the app fetches only the next page, as
  // the build wrote it.
  await expect(page.locator('.listing-stories .card')).toHaveCount(first.items.length);
  await appReady(page);
  await page.getByRole('button', { name: 'More stories' }).click();
  await expect(page.locator('.listing-stories .card')).toHaveCount(first.items.length + second.items.length);
  expect(requested).toEqual(['/latest', '/latest/2']);
  await expect(page).toHaveURL(/\/latest$/);
});

test('an unknown article slug shows not found with a way back', async ({ page }) => {
  await page.goto('/articles/no-such-story-here');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Back to the front page' }).click();
  await expect(page.locator('.front-lead')).toBeVisible();
});

test('an unknown route and an unknown section show not found', async ({ page }) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await page.goto('/sections/atlantis');
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});

test.describe('on a crawling network', () => {
  // The throttling below applies to the page's own requests; a service
  // worker's fetches would escape it.
  test.use({ serviceWorkers: 'block' });

test('a slow load shows progress, and a stale answer never replaces the next story', async ({ page }) => {
  const [slow, next] = listing('kind/analysis').items;
  await page.goto('/');
  await appReady(page);
  // A crawl of a network: a 10-30 KB article takes seconds to arrive.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 400, downloadThroughput: 4000, uploadThroughput: 4000 });
  const open = (href) => page.evaluate((h) => {
    const a = Object.assign(document.createElement('a'), { href: h });
    document.body.append(a);
    a.click();
  }, href);
  await open(`/articles/${slow.slug}`);
  await expect(page.locator('.loading')).toBeVisible();
  await expect(page.locator('.loading')).toHaveAttribute('role', 'status');
  // The reader gives up and opens another story; the first request is
  // aborted (tests/web.rs checks the abort itself).
  await open(`/articles/${next.slug}`);
  await expect(page.locator('h1.headline')).toHaveText(next.headline, { timeout: 20000 });
  await page.waitForTimeout(3000);
  await expect(page.locator('h1.headline')).toHaveText(next.headline);
  await expect(page).toHaveURL(new RegExp(`/articles/${next.slug}$`));
});
});

test('moving on before an article is kept leaves the app working', async ({ page }) => {
  const [first, second] = listing('latest').items.filter((s) => s.kind !== 'brief');
  await page.goto(`/articles/${first.slug}`);
  await appReady(page);
  // At once: keeping the first article finishes after it has left.
  await openInApp(page, `/articles/${second.slug}`);
  await expect(page.locator('h1.headline')).toHaveText(second.headline);
  await page.waitForTimeout(1500);
  expect(await page.evaluate(() => document.documentElement.classList.contains('app'))).toBe(true);
  await expect(page.locator('.app-failure')).toHaveCount(0);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
});
