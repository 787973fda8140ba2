// Offline reading with the real service worker, IndexedDB and Cache Storage
// of headless Chromium. "Offline" is the browser context's network switch,
// not a mocked fetch.
import { test, expect } from './fixtures.mjs';
import { listing, article, appReady, openInApp } from './helpers.mjs';

// Each test gets a fresh context, so storage starts empty.
async function swReady(page) {
  await page.goto('/');
  await appReady(page);
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  // clientsClaim: the active worker takes control of this page.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** Opens an article and waits until the app has kept it in the library. */
async function readArticle(page, slug) {
  await page.goto(`/articles/${slug}`);
  await expect(page.locator('.saved-on')).toContainText('Available offline');
}

const escapeHtml = (t) => t.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/**
 * Republishes an article to this browser only, as the newsroom's build would:
 * its file and its page, with `change` applied to the file and the new
 * headline in the page.
 */
async function republish(context, slug, change) {
  const original = article(slug);
  const json = change(JSON.parse(JSON.stringify(original)));
  await context.route(`**/content/articles/${slug}.json`, (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(json) }));
  await context.route(new RegExp(`/articles/${slug}$`), async (route) => {
    // The request can be dropped while it is in flight (the page navigates,
    // or the context goes offline): then it fails as the network would.
    let response;
    let html;
    try {
      response = await route.fetch();
      html = (await response.text()).replaceAll(escapeHtml(original.headline), escapeHtml(json.headline));
    } catch {
      await route.abort('internetdisconnected').catch(() => {});
      return;
    }
    await route.fulfill({ response, body: html }).catch(() => {});
  });
}

async function imagesLoaded(page, selector) {
  await page.waitForFunction((sel) => {
    const imgs = [...document.querySelectorAll(sel)];
    return imgs.length > 0 && imgs.every((i) => i.complete && i.naturalWidth > 0);
  }, selector);
}

const analysis = () => listing('kind/analysis').items.filter((s) => s.hero).slice(0, 3);

test('three articles read online open offline after a cold reload, with images', async ({ page, context }) => {
  await swReady(page);
  const read = analysis();
  for (const s of read) {
    await readArticle(page, s.slug);
    await expect(page.locator('h1.headline')).toHaveText(s.headline);
  }
  // The heroes are in the library's own image cache (not only in the
  // worker's cache of images seen while browsing).
  const base = await page.evaluate(() => document.baseURI);
  const heroes = read.map((s) => new URL(article(s.slug).hero.src, base).href);
  // (expect.poll: page.waitForFunction treats an async predicate's promise
  // as already true.)
  await expect.poll(() => page.evaluate(async (urls) => {
    const cache = await caches.open('folio-images');
    return (await Promise.all(urls.map((u) => cache.match(u)))).every(Boolean);
  }, heroes)).toBe(true);

  await context.setOffline(true);
  for (const s of read) {
    await page.goto(`/articles/${s.slug}`);
    await expect(page.locator('h1.headline')).toHaveText(s.headline);
    await expect(page.locator('.saved-on')).toContainText('Available offline: in your history since');
    await expect(page.locator('.article-body p').first()).toBeVisible();
    await page.locator('.article-body img').last().scrollIntoViewIfNeeded().catch(() => {});
    await imagesLoaded(page, 'figure.hero img, .article-body img');
  }
  await expect(page.locator('.status-offline')).toContainText('You are offline');

  // A story never opened says so clearly.
  const unread = listing('latest').items.find((s) => !read.some((r) => r.slug === s.slug));
  await page.goto(`/articles/${unread.slug}`);
  await expect(page.getByRole('alert')).toContainText('not available offline');
  await context.setOffline(false);
});

test('offline, the front page marks which stories can be opened', async ({ page, context }) => {
  await swReady(page);
  const s = listing('latest').items[0];
  await readArticle(page, s.slug);
  await page.goto('/');
  await expect(page.locator('.front-lead')).toBeVisible();
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('.front-lead .card-lead .badge-saved')).toHaveText('Saved offline');
  await expect(page.locator('.badge-unavailable').first()).toHaveText('Not available offline');
  await context.setOffline(false);
});

test('when the network returns, changed saved articles are refreshed and the reader told', async ({ page, context }) => {
  await swReady(page);
  const s = analysis()[1];
  await readArticle(page, s.slug);
  await context.setOffline(true);
  // Meanwhile the newsroom corrects the headline (served to this browser only).
  const corrected = `${s.headline} (corrected)`;
  await republish(context, s.slug, (json) => ({ ...json, headline: corrected, updated: '2026-11-27T12:00:00Z' }));
  await context.setOffline(false);
  await expect(page.locator('.shell-status .notice')).toContainText('1 saved article was updated');
  await context.setOffline(true);
  await page.goto(`/articles/${s.slug}`);
  await expect(page.locator('h1.headline')).toHaveText(corrected);
  await context.setOffline(false);
});

test('a saved article shows at once and is revalidated in the background', async ({ page, context }) => {
  await swReady(page);
  const s = analysis()[2];
  await readArticle(page, s.slug);
  const corrected = `${s.headline} (updated)`;
  await republish(context, s.slug, (json) => ({ ...json, headline: corrected }));
  await page.goto('/');
  await page.goto(`/articles/${s.slug}`);
  await expect(page.locator('h1.headline')).toHaveText(corrected);
  await expect(page.getByText('This article has been updated since you saved it')).toBeVisible();
  // The notice belongs to that article, not the next one opened.
  const other = analysis()[0];
  // In-app navigation (the page component stays mounted).
  await openInApp(page, `/articles/${other.slug}`);
  await expect(page.locator('h1.headline')).toHaveText(other.headline);
  await expect(page.getByText('This article has been updated since you saved it')).toHaveCount(0);
});

test('the library lists, sizes and removes saved articles', async ({ page }) => {
  await swReady(page);
  const read = analysis().slice(0, 2);
  for (const s of read) await readArticle(page, s.slug);
  await page.getByRole('link', { name: 'Library' }).click();
  const items = page.locator('.library-item');
  await expect(items).toHaveCount(2);
  for (const s of read) await expect(page.locator('.library-list')).toContainText(s.headline);
  await expect(page.locator('.library-count')).toContainText('2 articles on this device (0 saved, 2 in history)');
  await expect(page.locator('.library-size').first()).toHaveText(/\d+ kB/);
  await expect(page.locator('.storage-estimate')).toContainText('Folio is using');

  await page.getByRole('button', { name: `Remove “${read[0].headline}” from the library` }).click();
  await expect(items).toHaveCount(1);
  await page.getByRole('button', { name: 'Remove all' }).click();
  await page.getByRole('button', { name: 'Yes, remove all' }).click();
  await expect(items).toHaveCount(0);
  await expect(page.locator('.library-empty')).toContainText('Nothing here yet');
  // The removed articles' images left the cache too.
  const cached = await page.evaluate(async () => (await (await caches.open('folio-images')).keys()).map((r) => new URL(r.url).pathname));
  for (const s of read) expect(cached).not.toContain('/' + article(s.slug).hero.src);
});

test('a section saved for offline opens offline', async ({ page, context }) => {
  await swReady(page);
  const section = 'europe';
  const stories = listing(`section/${section}`).items;
  await page.goto(`/sections/${section}`);
  await page.getByRole('button', { name: /for offline$/ }).click();
  await expect(page.locator('.save-progress')).toContainText(`Saved ${stories.length} articles`);
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('.listing-header h1')).toBeVisible();
  for (const s of stories) {
    await page.goto(`/articles/${s.slug}`);
    await expect(page.locator('h1.headline')).toHaveText(s.headline);
  }
  await context.setOffline(false);
});

test('offline search finds saved articles by body text', async ({ page, context }) => {
  await swReady(page);
  const s = analysis()[0];
  const a = article(s.slug);
  await readArticle(page, s.slug);
  await context.setOffline(true);
  await page.goto('/search');
  // A distinctive long word from the body.
  const word = a.body.split(/[^A-Za-z]+/).filter((w) => w.length > 9)[0];
  await page.getByLabel('Search stories').fill(word.toLowerCase() + ' ');
  await expect(page.locator('.search-results li').first()).toContainText(s.headline);
  await context.setOffline(false);
});

test.describe('storage full', () => {
  // Without the service worker, the origin's usage is the library alone, so
  // a small quota is reached after a few articles.
  test.use({ serviceWorkers: 'block' });

  test('a full quota shows its message and loses no saved article', async ({ page }) => {
    await page.goto('/reset.html');
    const cdp = await page.context().newCDPSession(page);
    // Chromium fixes an origin's IndexedDB quota when the database is first
    // used, so the override comes before anything is saved.
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(page.url()).origin, quotaSize: 160 * 1024 });
    const saved = [];
    let full = false;
    for (const s of listing('kind/analysis').items) {
      await page.goto(`/articles/${s.slug}`);
      // The article shows whether or not it could be saved.
      await expect(page.locator('h1.headline')).toHaveText(s.headline);
      await page.waitForTimeout(300);
      if (await page.locator('.notice-warning', { hasText: 'no room left' }).count()) { full = true; break; }
      saved.push(s);
    }
    expect(full, 'the quota was reached').toBe(true);
    expect(saved.length).toBeGreaterThan(0);
    await expect(page.locator('.notice-warning a')).toHaveText('Free up space');
    await page.locator('.notice-warning a').click();
    await expect(page).toHaveURL(/\/library$/);
    for (const s of saved) await expect(page.locator('.library-list')).toContainText(s.headline);
  });
});

test('a database from schema v1 is upgraded with its articles intact', async ({ page }) => {
  await page.goto('/reset.html');
  const s = listing('latest').items[2];
  const json = JSON.stringify(article(s.slug));
  // Write a v1 database exactly as the first release did: one `articles`
  // store keyed by slug, no library or text stores.
  await page.evaluate(async ({ slug, json }) => {
    await new Promise((ok, fail) => {
      const del = indexedDB.deleteDatabase('folio');
      del.onsuccess = del.onerror = () => {
        const open = indexedDB.open('folio', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('articles', { keyPath: 'slug' });
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('articles', 'readwrite');
          tx.objectStore('articles').put({ slug, json, saved_at: Date.UTC(2026, 9, 1), size: json.length });
          // A record the upgrade cannot read.
          tx.objectStore('articles').put({ slug: 'torn-record', json: '{"slug":', saved_at: Date.UTC(2026, 8, 1), size: 8 });
          tx.oncomplete = () => { db.close(); ok(); };
          tx.onerror = () => fail(tx.error);
        };
      };
    });
  }, { slug: s.slug, json });
  await page.goto('/library');
  await expect(page.locator('.library-list')).toContainText(s.headline);
  // What could not be read is shown, not hidden, and can be removed.
  await expect(page.getByRole('alert')).toContainText('1 saved article is damaged and cannot be read');
  await expect(page.locator('.library-item', { hasText: 'torn record' })).toContainText('Damaged');
  await page.getByRole('button', { name: 'Remove “torn record” from the library' }).click();
  await expect(page.locator('.library-item')).toHaveCount(1);
  await expect(page.getByText('is damaged and cannot be read')).toHaveCount(0);
  const version = await page.evaluate(() => new Promise((ok) => {
    const r = indexedDB.open('folio');
    r.onsuccess = () => { const v = r.result.version; const names = [...r.result.objectStoreNames]; r.result.close(); ok({ v, names }); };
  }));
  expect(version.v).toBe(2);
  expect(version.names.sort()).toEqual(['articles', 'library', 'texts']);
  await page.goto(`/articles/${s.slug}`);
  await expect(page.locator('.saved-on')).toBeVisible();
});

test('with IndexedDB unavailable the app still reads online and says why', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { get() { return undefined; } });
  });
  const s = listing('latest').items[0];
  await page.goto(`/articles/${s.slug}`);
  await expect(page.locator('h1.headline')).toHaveText(s.headline);
  await expect(page.locator('.notice-warning')).toContainText('Offline reading is unavailable');
  await page.goto('/library');
  await expect(page.getByRole('alert')).toContainText('Offline reading is unavailable');
});
