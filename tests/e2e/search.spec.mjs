// Search over the whole site from the index the build writes: results for
// stories never opened, by headline, tag and author, fetching a few small
// index files (never the articles); the query in the URL; offline, the
// saved library's full text.
import { readdirSync } from 'node:fs';
import { test, expect } from './fixtures.mjs';
import { listing, article, appReady, distJson } from './helpers.mjs';

/** The tag with the most stories in the sample. */
function busiestTag() {
  const tags = readdirSync('dist/content/listings/tag');
  return tags.map((t) => listing(`tag/${t}`)).sort((a, b) => b.total - a.total)[0];
}

test('finds stories never opened by tag, author and headline, fetching only small index files', async ({ page }) => {
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto('/');
  await appReady(page);
  await page.keyboard.press('/');
  const field = page.getByRole('searchbox', { name: 'Search stories' });
  await expect(field).toBeFocused();
  const tag = busiestTag();
  const name = article(tag.items[0].slug).tags.find((t) => t.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') === tag.listing.split('/')[1]) || tag.listing.split('/')[1];
  requests.length = 0;
  await field.fill(name);
  const site = page.getByRole('region', { name: 'On the site' });
  for (const s of tag.items.slice(0, 5)) await expect(site).toContainText(s.headline);
  await expect(page).toHaveURL(new RegExp(`/search\\?q=${encodeURIComponent(name).replace(/%20/g, '\\+')}`));
  expect(requests.filter((p) => p.startsWith('/content/articles/'))).toEqual([]);
  const index = requests.filter((p) => p.startsWith('/content/search/'));
  expect(index.length).toBeGreaterThan(0);
  expect(index.length).toBeLessThan(12);

  // An author, as typed (the last word matches as a prefix).
  const s = listing('latest').items[3];
  const author = article(s.slug).authors[0];
  const surname = author.split(' ').at(-1);
  await field.fill(surname.slice(0, 4));
  await expect(site).toContainText(s.headline);

  // A headline's words; the result opens the story.
  const words = s.headline.split(/\s+/).filter((w) => w.length > 5).slice(0, 2).join(' ');
  await field.fill(words + ' ');
  await site.getByRole('link', { name: s.headline }).click();
  await expect(page.locator('h1.headline')).toHaveText(s.headline);
});

test('the query lives in the URL: a search link opens with its results', async ({ page }) => {
  const s = listing('latest').items[1];
  const word = s.headline.split(/\s+/).filter((w) => w.length > 5)[0];
  await page.goto(`/search?q=${encodeURIComponent(word)}`);
  await appReady(page);
  await expect(page.getByRole('searchbox', { name: 'Search stories' })).toHaveValue(word);
  await expect(page.getByRole('region', { name: 'On the site' })).toContainText(s.headline);
  // Nothing matches: said plainly.
  await page.getByRole('searchbox', { name: 'Search stories' }).fill('zzzqqq ');
  await expect(page.getByRole('region', { name: 'On the site' })).toContainText('0 stories for “zzzqqq”');
  expect(distJson('content/search/meta.json').docs).toBe(listing('latest').total + listing('briefs').total);
});

test('offline, the saved articles are searched by their text, and the reader is told', async ({ page, context }) => {
  const s = listing('latest').items[2];
  await page.goto(`/articles/${s.slug}`);
  await appReady(page);
  await expect(page.locator('.saved-on')).toContainText('Available offline');
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await context.setOffline(true);
  await page.goto('/search');
  const body = article(s.slug).body;
  const word = body.split(/[^A-Za-z]+/).filter((w) => w.length > 8)[0].toLowerCase();
  await page.getByRole('searchbox', { name: 'Search stories' }).fill(word + ' ');
  await expect(page.getByText('You are offline: searching the articles saved on this device.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'In your library' })).toContainText(s.headline);
  await context.setOffline(false);
});
