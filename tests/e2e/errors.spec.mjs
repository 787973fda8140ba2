// Failures a reader can understand: failed requests, server errors, damaged
// files, hostile data. Faults are injected at the network layer of the real
// browser. Pages arrive as the build wrote them; the app fetches later pages
// and the articles' files (to keep them offline), so that is where faults
// show (openInApp for the former).
import { test, expect } from './fixtures.mjs';
import { listing, openInApp, appReady } from './helpers.mjs';

const slug = () => listing('latest').items[0].slug;

// Faults are injected with page.route, which sees the page's own requests;
// keep the service worker out of the way so they are not answered by it.
test.use({ serviceWorkers: 'block' });

test('a page that cannot be reached says so, with a retry that works', async ({ page }) => {
  let fail = true;
  await page.route(`**/articles/${slug()}`, (route) => (fail ? route.abort('internetdisconnected') : route.continue()));
  await openInApp(page, `/articles/${slug()}`);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText("couldn't reach");
  // The rest of the app still works: the masthead is there and navigable.
  await expect(page.locator('.sections-nav a').first()).toBeVisible();
  fail = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.locator('h1.headline')).toBeVisible();
});

test('a server error names the problem', async ({ page }) => {
  await page.route('**/latest/2', (route) => route.fulfill({ status: 503, body: 'busy' }));
  await openInApp(page, '/latest/2');
  await expect(page.getByRole('alert')).toContainText('error 503');
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
});

test('a page that arrives damaged is reported, not shown blank', async ({ page }) => {
  await page.route(`**/articles/${slug()}`, async (route) => {
    const response = await route.fetch();
    const text = await response.text();
    await route.fulfill({ response, body: text.slice(0, text.indexOf('<main')) });
  });
  await openInApp(page, `/articles/${slug()}`);
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.locator('main')).not.toBeEmpty();
});

test('a damaged article file: the article still reads, and the reader is told it is not kept offline', async ({ page }) => {
  await page.route(`**/content/articles/${slug()}.json`, async (route) => {
    const response = await route.fetch();
    const text = await response.text();
    await route.fulfill({ response, body: text.slice(0, Math.floor(text.length / 2)) });
  });
  await page.goto(`/articles/${slug()}`);
  await appReady(page);
  await expect(page.locator('h1.headline')).toHaveText(listing('latest').items[0].headline);
  const alert = page.locator('.shell-status [role=alert]');
  await expect(alert).toContainText('could not be saved for offline reading');
  await expect(alert).toContainText('damaged or incomplete');
  await expect(page.locator('.saved-on')).toBeHidden();
});

test('an article file with a missing field is refused the same way', async ({ page }) => {
  await page.route(`**/content/articles/${slug()}.json`, async (route) => {
    const response = await route.fetch();
    const json = await response.json();
    delete json.headline;
    await route.fulfill({ response, body: JSON.stringify(json) });
  });
  await page.goto(`/articles/${slug()}`);
  await appReady(page);
  await expect(page.locator('.shell-status [role=alert]')).toContainText('could not be saved for offline reading');
});

test('hostile text in an article file is shown as text in what the app draws', async ({ page }) => {
  const foreign = [];
  page.on('request', (r) => { if (!r.url().startsWith('http://127.0.0.1')) foreign.push(r.url()); });
  const s = listing('latest').items[0];
  await page.route(`**/content/articles/${s.slug}.json`, async (route) => {
    const response = await route.fetch();
    const json = await response.json();
    json.headline = '<img src="https://tracker.example/p.gif" onerror="window.__pwned = 1">Hostile <b>headline</b>';
    json.dek = '<script>window.__pwned = 2</script>';
    await route.fulfill({ response, body: JSON.stringify(json) });
  });
  await page.goto(`/articles/${s.slug}`);
  await appReady(page);
  await expect(page.locator('.saved-on')).toContainText('Available offline');
  // The library draws what the file says: as text.
  await page.getByRole('link', { name: 'Library' }).click();
  await expect(page.locator('.library-list')).toContainText('Hostile <b>headline</b>');
  await page.getByRole('link', { name: 'Search your library' }).click();
  await page.getByLabel('Search stories').fill('hostile');
  await expect(page.locator('.search-results-library')).toContainText('<img src=');
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(await page.locator('main img[src*="tracker"], main script').count()).toBe(0);
  expect(foreign).toEqual([]);
});
