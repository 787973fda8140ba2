// Failures a reader can understand: damaged files, failed requests, server
// errors. Faults are injected at the network layer of the real browser.
// Every page arrives pre-rendered on a first visit, so faults in content
// files show when the app loads a later page itself (openInApp).
import { test, expect } from '@playwright/test';
import { listing, openInApp } from './helpers.mjs';

const slug = () => listing('latest').items[0].slug;

// Faults are injected with page.route, which sees the page's own requests;
// keep the service worker out of the way so they are not answered by it.
test.use({ serviceWorkers: 'block' });

test('a malformed article file shows a clear message and retry recovers', async ({ page }) => {
  let broken = true;
  await page.route(`**/content/articles/${slug()}.json`, async (route) => {
    if (!broken) return route.continue();
    const response = await route.fetch();
    const text = await response.text();
    await route.fulfill({ response, body: text.slice(0, Math.floor(text.length / 2)) });
  });
  await openInApp(page, `/articles/${slug()}`);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('could not be read');
  await expect(alert).toContainText('damaged or incomplete');
  // The rest of the app still works: the masthead is there and navigable.
  await expect(page.locator('.sections-nav a').first()).toBeVisible();
  broken = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.locator('h1.headline')).toBeVisible();
});

test('an article with a missing field is refused with a message, not a blank page', async ({ page }) => {
  await page.route(`**/content/articles/${slug()}.json`, async (route) => {
    const response = await route.fetch();
    const json = await response.json();
    delete json.headline;
    await route.fulfill({ response, body: JSON.stringify(json) });
  });
  await openInApp(page, `/articles/${slug()}`);
  await expect(page.getByRole('alert')).toContainText('could not be read');
  await page.getByText('Technical details').click();
  await expect(page.getByRole('alert')).toContainText('missing field `headline`');
});

test('a failed request shows a connection message with retry', async ({ page }) => {
  let fail = true;
  await page.route(`**/content/articles/${slug()}.json`, (route) => (fail ? route.abort('internetdisconnected') : route.continue()));
  await openInApp(page, `/articles/${slug()}`);
  await expect(page.getByRole('alert')).toContainText("couldn't reach");
  fail = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.locator('h1.headline')).toBeVisible();
});

test('a server error names the problem', async ({ page }) => {
  await page.route('**/content/listings/latest/2.json', (route) => route.fulfill({ status: 503, body: 'busy' }));
  await openInApp(page, '/latest/2');
  await expect(page.getByRole('alert')).toContainText('error 503');
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
});

test('hostile article content cannot run script or load foreign resources', async ({ page }) => {
  const foreign = [];
  page.on('request', (r) => { if (!r.url().startsWith('http://127.0.0.1')) foreign.push(r.url()); });
  await page.route(`**/content/articles/${slug()}.json`, async (route) => {
    const response = await route.fetch();
    const json = await response.json();
    json.body = [
      '<script>window.__pwned = 1</script>',
      '<img src="https://tracker.example/p.gif" onerror="window.__pwned = 2">',
      '[click](javascript:window.__pwned=3) ![x](data:image/svg+xml,<svg onload="window.__pwned=4">)',
      '<iframe src="https://evil.example"></iframe>',
      'Ordinary **text** survives.',
    ].join('\n\n');
    await route.fulfill({ response, body: JSON.stringify(json) });
  });
  await openInApp(page, `/articles/${slug()}`);
  await expect(page.locator('.article-body')).toContainText('Ordinary text survives.');
  await page.locator('.article-body').getByText('click').click().catch(() => {});
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(await page.locator('.article-body script, .article-body iframe, .article-body img').count()).toBe(0);
  expect(foreign).toEqual([]);
});
