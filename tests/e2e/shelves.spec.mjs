// Saving on purpose: Save and Remove on articles and cards; the library
// shows Saved and History apart.
import { test, expect } from './fixtures.mjs';
import { listing, appReady } from './helpers.mjs';

const shelf = (page, name) => page.getByRole('region', { name: new RegExp(`^${name} \\(`) });

test('an article saved on purpose is kept apart from the history, and can go back to it', async ({ page }) => {
  const [read, kept] = listing('latest').items.filter((s) => s.kind !== 'brief');
  await page.goto(`/articles/${read.slug}`);
  await appReady(page);
  await expect(page.locator('.saved-on')).toContainText('in your history since');
  await page.goto(`/articles/${kept.slug}`);
  await appReady(page);
  await expect(page.locator('.saved-on')).toContainText('in your history since');
  await page.getByRole('button', { name: 'Save for later' }).click();
  await expect(page.getByRole('button', { name: 'Remove from saved' })).toBeVisible();
  await expect(page.locator('.saved-on')).toContainText('saved on');
  await expect(page.locator('.shell-status')).toContainText('Saved: it stays on this device until you remove it.');

  await page.getByRole('link', { name: 'Library', exact: true }).click();
  await expect(shelf(page, 'Saved')).toContainText(kept.headline);
  await expect(shelf(page, 'Saved')).not.toContainText(read.headline);
  await expect(shelf(page, 'History')).toContainText(read.headline);
  await expect(page.locator('.library-count')).toContainText('2 articles on this device (1 saved, 1 in history)');

  // Kept across a reload, and moved back on request.
  await page.reload();
  await expect(shelf(page, 'Saved')).toContainText(kept.headline);
  await page.getByRole('button', { name: `Move “${kept.headline}” to history` }).click();
  await expect(shelf(page, 'History')).toContainText(kept.headline);
  await expect(shelf(page, 'Saved')).toContainText('Nothing saved yet');
  await page.getByRole('button', { name: `Save “${read.headline}” for later` }).click();
  await expect(shelf(page, 'Saved')).toContainText(read.headline);
});

test('Save on a card downloads a story never opened, which then opens offline', async ({ page, context }) => {
  await page.goto('/');
  await appReady(page);
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  const story = listing('latest').items.find((s) => s.kind !== 'brief');
  const save = page.getByRole('button', { name: `Save “${story.headline}” for later` }).first();
  await save.click();
  await expect(page.getByRole('button', { name: `Remove “${story.headline}” from saved` }).first()).toBeVisible();
  await expect(page.locator(`.card-status[data-slug="${story.slug}"]`).first()).toContainText('Saved');
  await context.setOffline(true);
  await page.goto(`/articles/${story.slug}`);
  await expect(page.locator('h1.headline')).toHaveText(story.headline);
  await expect(page.locator('.article-body p').first()).toBeVisible();
  await context.setOffline(false);
  // And back out of the saved ones, from the card.
  await page.goto('/');
  await appReady(page);
  await page.getByRole('button', { name: `Remove “${story.headline}” from saved` }).first().click();
  await expect(page.getByRole('button', { name: `Save “${story.headline}” for later` }).first()).toBeVisible();
});

test('a section saved for offline goes to the saved articles', async ({ page }) => {
  const section = 'europe';
  const stories = listing(`section/${section}`).items;
  await page.goto(`/sections/${section}`);
  await appReady(page);
  await page.getByRole('button', { name: /for offline$/ }).click();
  await expect(page.locator('.save-progress')).toContainText(`Saved ${stories.length} articles`);
  await page.goto('/library');
  for (const s of stories) await expect(shelf(page, 'Saved')).toContainText(s.headline);
});

test.describe('with JavaScript disabled', () => {
  test.use({ javaScriptEnabled: false });
  test('no Save button is offered', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('button', { name: /^Save/ })).toHaveCount(0);
    await page.goto(`/articles/${listing('latest').items[0].slug}`);
    await expect(page.getByRole('button', { name: 'Save for later' })).toHaveCount(0);
  });
});

test('the history keeps the newest 200, oldest out first; saved articles are never evicted', async ({ page }) => {
  const [first, next] = listing('latest').items.filter((s) => s.kind !== 'brief');
  await page.goto(`/articles/${first.slug}`);
  await appReady(page);
  await expect(page.locator('.saved-on')).toContainText('Available offline');
  // 199 older articles in the history and one saved even longer ago, as
  // months of reading would leave them.
  await page.evaluate(() => new Promise((ok, fail) => {
    const open = indexedDB.open('folio');
    open.onerror = () => fail(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction('library', 'readwrite');
      const entry = (slug, headline, savedAt, shelf) => ({
        slug, headline, dek: '', section: 'europe', kind: 'news', published: '2026-01-01T00:00:00Z',
        saved_at: savedAt, size: 1000, images: [], shelf,
      });
      const store = tx.objectStore('library');
      for (let i = 0; i < 199; i++) {
        store.put(entry(`old-${String(i).padStart(3, '0')}`, `Old story ${i}`, Date.UTC(2026, 0, 1) + i * 60000, 'history'));
      }
      store.put(entry('kept-long-ago', 'Kept long ago', Date.UTC(2025, 0, 1), 'saved'));
      tx.oncomplete = () => { db.close(); ok(); };
      tx.onerror = () => fail(tx.error);
    };
  }));
  // One more read: 201 in the history, so the oldest goes.
  await page.goto(`/articles/${next.slug}`);
  await appReady(page);
  await expect(page.locator('.saved-on')).toContainText('Available offline');
  await page.goto('/library');
  await expect(shelf(page, 'History')).toHaveAccessibleName('History (200)');
  await expect(shelf(page, 'Saved')).toContainText('Kept long ago');
  await expect(page.getByRole('link', { name: 'Old story 0', exact: true })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Old story 1', exact: true })).toHaveCount(1);
  await expect(page.getByRole('link', { name: next.headline, exact: true })).toHaveCount(1);
  await expect(page.getByRole('link', { name: first.headline, exact: true })).toHaveCount(1);
});
