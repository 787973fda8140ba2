// Saving a whole section for offline reading: articles download a few at
// a time and each is saved in its own transaction, so a bad article is
// skipped, the reader can stop the save, and a page closed midway leaves
// every completed article and no half-written one.
import { test, expect } from './fixtures.mjs';
import { listing, appReady } from './helpers.mjs';

const SECTION = 'europe';
const stories = () => listing(`section/${SECTION}`).items;

/** What the library database holds, store by store (slugs, sorted). */
async function libraryState(page) {
  return page.evaluate(() => new Promise((ok, fail) => {
    const open = indexedDB.open('folio');
    open.onerror = () => fail(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(['articles', 'library', 'texts']);
      const out = {};
      for (const name of ['articles', 'library', 'texts']) {
        const req = tx.objectStore(name).getAllKeys();
        req.onsuccess = () => { out[name] = req.result.sort(); };
      }
      tx.oncomplete = () => { db.close(); ok(out); };
      tx.onerror = () => fail(tx.error);
    };
  }));
}

/** Holds back article files after the first `free`, until released. */
async function holdArticles(context, free) {
  let served = 0;
  const held = [];
  await context.route('**/content/articles/*.json', async (route) => {
    served += 1;
    if (served <= free) return route.continue();
    await new Promise((release) => held.push(release));
    return route.continue().catch(() => {});
  });
  return () => held.splice(0).forEach((release) => release());
}

test('an article that cannot be read is skipped and named; the rest are saved', async ({ page, context }) => {
  const all = stories();
  const bad = all[1];
  await context.route(`**/content/articles/${bad.slug}.json`, (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: '{"slug": "' + bad.slug + '", "headline": ' }));
  await page.goto(`/sections/${SECTION}`);
  await appReady(page);
  await page.getByRole('button', { name: /for offline$/ }).click();
  const status = page.locator('.save-progress');
  await expect(status).toContainText(`Saved ${all.length - 1} of ${all.length} articles`);
  await expect(status).toContainText('1 article could not be saved');
  await expect(status.getByRole('listitem')).toContainText(bad.headline);
  const state = await libraryState(page);
  expect(state.articles).toEqual(all.filter((s) => s !== bad).map((s) => s.slug).sort());
  expect(state.library).toEqual(state.articles);
});

test('"Stop saving" stops the downloads and keeps what completed', async ({ page, context }) => {
  const all = stories();
  const release = await holdArticles(context, 2);
  await page.goto(`/sections/${SECTION}`);
  await appReady(page);
  await page.getByRole('button', { name: /for offline$/ }).click();
  const status = page.locator('.save-progress');
  await expect(status).toContainText(`Saving 2 of ${all.length}`);
  await page.getByRole('button', { name: 'Stop saving' }).click();
  await expect(status).toContainText(`Saving stopped: 2 of ${all.length} articles saved`);
  await expect(page.getByRole('button', { name: 'Stop saving' })).toBeHidden();
  release();
  const state = await libraryState(page);
  expect(state.articles).toHaveLength(2);
  expect(state.library).toEqual(state.articles);
  expect(state.texts).toEqual(state.articles);
  // The save can be started again, and completes.
  await context.unrouteAll({ behavior: 'ignoreErrors' });
  await page.getByRole('button', { name: /for offline$/ }).click();
  await expect(status).toContainText(`Saved ${all.length} articles`);
});

test('a page closed in the middle of saving leaves every completed article and no half-written one', async ({ page, context }) => {
  const all = stories();
  const release = await holdArticles(context, 3);
  await page.goto(`/sections/${SECTION}`);
  await appReady(page);
  await page.getByRole('button', { name: /for offline$/ }).click();
  await expect(page.locator('.save-progress')).toContainText(`Saving 3 of ${all.length}`);
  // Killed: the tab goes away while four downloads are in flight.
  await page.close();
  release();
  const next = await context.newPage();
  await next.goto('/library');
  await appReady(next);
  const state = await libraryState(next);
  expect(state.articles).toHaveLength(3);
  expect(state.library).toEqual(state.articles);
  expect(state.texts).toEqual(state.articles);
  await expect(next.locator('.library-item')).toHaveCount(3);
  await expect(next.getByText('is damaged')).toHaveCount(0);
});
