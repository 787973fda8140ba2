// Journeys through tag and author pages: an article's tags and byline names
// are links to pages listing every article with that tag or by that author,
// with the app and without JavaScript, each page with its own Atom feed.
import { test, expect } from './fixtures.mjs';
import { listing, article, appReady } from './helpers.mjs';

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const cards = '.listing-stories .card-headline a, .listing-stories .brief-headline a';

// The newest story with a tag and an author: first on their pages.
const story = () => {
  const s = listing('latest').items.find((i) => i.tags.length > 0 && i.authors.length > 0);
  return { ...s, full: article(s.slug) };
};

/** The slug a link to `/<dir>/<slug>` names. */
const slugOf = async (link, dir) => {
  const href = await link.getAttribute('href');
  const m = href.match(new RegExp(`^/${dir}/([a-z0-9-]+)$`));
  expect(m, href).not.toBeNull();
  return m[1];
};

/** Checks the page's own feed is linked from <head> and lists the story. */
async function feedIsLinked(page, request, path, s) {
  const feed = page.locator(`link[rel=alternate][type="application/atom+xml"][href$="/feeds/${path}.xml"]`);
  await expect(feed).toHaveCount(1);
  const response = await request.get(new URL(await feed.getAttribute('href')).pathname);
  expect(response.ok()).toBe(true);
  expect(response.headers()['content-type']).toContain('atom+xml');
  const xml = await response.text();
  expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
  expect(xml).toContain(`/articles/${s.slug}</id>`);
}

test('article → tag page → back → author page, in the app', async ({ page }) => {
  const s = story();
  await page.goto(`/articles/${s.slug}`);
  await appReady(page);
  const documents = [];
  page.on('request', (r) => r.isNavigationRequest() && documents.push(r.url()));

  const tag = s.full.tags[0];
  const tagLink = page.locator('ul.tags li.tag a', { hasText: tag }).first();
  const tagSlug = await slugOf(tagLink, 'tags');
  await tagLink.click();
  await expect(page).toHaveURL(new RegExp(`/tags/${tagSlug}$`));
  await expect(page.locator('.listing-header h1')).toHaveText(new RegExp(`^Articles tagged “${escape(tag)}”$`, 'i'));
  await expect(page).toHaveTitle(/^Articles tagged “.+” — /);
  // Exactly the tag's listing, newest first, the story among them.
  const byTag = listing(`tag/${tagSlug}`).items;
  expect(byTag.map((i) => i.slug)).toContain(s.slug);
  await expect(page.locator(cards)).toHaveText(byTag.map((i) => i.headline));

  await page.goBack();
  await expect(page.locator('h1.headline')).toHaveText(s.full.headline);
  const name = s.full.authors[0];
  const authorLink = page.locator('.byline-authors a', { hasText: name }).first();
  const authorSlug = await slugOf(authorLink, 'authors');
  await authorLink.click();
  await expect(page).toHaveURL(new RegExp(`/authors/${authorSlug}$`));
  await expect(page.locator('.listing-header h1')).toHaveText(`Articles by ${name}`);
  await expect(page.locator(cards).filter({ hasText: s.headline })).toHaveCount(1);
  // The app drew both pages: no document was loaded on the way.
  expect(documents).toEqual([]);
});

test('"More stories" on a tag page adds its next page', async ({ page }) => {
  // The sample's busiest tag.
  const first = listing('tag/trade');
  test.skip(first.pages < 2, 'no tag has a second page');
  await page.goto('/tags/trade');
  await appReady(page);
  await expect(page.locator(cards)).toHaveCount(first.items.length);
  await page.getByRole('button', { name: 'More stories' }).click();
  const second = listing('tag/trade', 2);
  await expect(page.locator(cards)).toHaveCount(first.items.length + second.items.length);
  await expect(page.locator(cards).last()).toHaveText(second.items.at(-1).headline);
});

test.describe('with JavaScript disabled', () => {
  test.use({ javaScriptEnabled: false });

  test('tag and author links are ordinary pages that list the story and link their feeds', async ({ page, request }) => {
    const s = story();
    await page.goto(`/articles/${s.slug}`);
    const byline = page.locator('.byline-authors');
    await expect(byline).toHaveText(/^By /);

    const tagLink = page.locator('ul.tags li.tag a').first();
    const tagSlug = await slugOf(tagLink, 'tags');
    await tagLink.click();
    await expect(page).toHaveURL(new RegExp(`/tags/${tagSlug}$`));
    await expect(page.locator('h1')).toHaveText(/^Articles tagged “.+”$/);
    await expect(page.locator(cards).filter({ hasText: s.headline })).toHaveCount(1);
    await expect(page.locator('link[rel=canonical]')).toHaveAttribute('href', new RegExp(`/tags/${tagSlug}$`));
    await feedIsLinked(page, request, `tags/${tagSlug}`, s);

    await page.goBack();
    const name = s.full.authors.at(-1);
    const authorLink = byline.locator('a', { hasText: name }).first();
    const authorSlug = await slugOf(authorLink, 'authors');
    await authorLink.click();
    await expect(page).toHaveURL(new RegExp(`/authors/${authorSlug}$`));
    await expect(page.locator('h1')).toHaveText(`Articles by ${name}`);
    await expect(page.locator(cards).filter({ hasText: s.headline })).toHaveCount(1);
    await feedIsLinked(page, request, `authors/${authorSlug}`, s);
  });

  test("a tag's later pages are pages of their own", async ({ page }) => {
    const first = listing('tag/trade');
    test.skip(first.pages < 2, 'no tag has a second page');
    await page.goto('/tags/trade');
    await page.getByRole('link', { name: 'More stories' }).click();
    await expect(page).toHaveURL(/\/tags\/trade\/2$/);
    await expect(page.locator(cards)).toHaveText(listing('tag/trade', 2).items.map((i) => i.headline));
    await page.getByRole('link', { name: 'Newer stories' }).click();
    await expect(page).toHaveURL(/\/tags\/trade$/);
  });
});
