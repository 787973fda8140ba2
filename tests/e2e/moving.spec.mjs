// Moving through articles: keyboard shortcuts and their help, Back to a
// list as it was left ("More stories" included, scrolled where it was),
// focus on the new page's heading and its title announced.
import { test, expect } from './fixtures.mjs';
import { listing, appReady } from './helpers.mjs';

const story = () => listing('latest').items.find((s) => s.kind !== 'brief');

test('"?" lists the shortcuts; keys change theme and text size, save, and go to the library and search', async ({ page }) => {
  await page.goto(`/articles/${story().slug}`);
  await appReady(page);
  await expect(page.locator('.saved-on')).toContainText('Available offline');
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('Next story in the section');
  // While it is open, keys are its own.
  await page.keyboard.press('t');
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBeUndefined();
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  await page.keyboard.press('t');
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
  await page.keyboard.press('t');
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
  await page.keyboard.press('+');
  await page.keyboard.press('+');
  expect(await page.evaluate(() => document.documentElement.dataset.text)).toBe('xl');
  await page.keyboard.press('-');
  expect(await page.evaluate(() => document.documentElement.dataset.text)).toBe('l');
  // Kept like a choice in the panel.
  expect(await page.evaluate(() => localStorage.getItem('folio.settings'))).toBe('theme=dark&text=l');

  await page.keyboard.press('s');
  await expect(page.getByRole('button', { name: 'Remove from saved' })).toBeVisible();

  await page.keyboard.press('l');
  await expect(page).toHaveURL(/\/library$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await page.keyboard.press('/');
  await expect(page).toHaveURL(/\/search$/);
  const field = page.getByRole('searchbox');
  await expect(field).toBeFocused();
  // Typing in a field is typing, not shortcuts.
  await page.keyboard.type('l t+/');
  await expect(page).toHaveURL(/\/search/);
  await expect(field).toHaveValue('l t+/');
  expect(await page.evaluate(() => document.documentElement.dataset.text)).toBe('l');
  // Nor with a modifier held.
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  await page.keyboard.press('Control+l');
  await expect(page).toHaveURL(/\/search/);
});

test('Back shows the list as it was left: more stories loaded, scrolled where the reader was', async ({ page }) => {
  await page.goto('/latest');
  await appReady(page);
  const cards = page.locator('main .listing-stories article');
  const first = await cards.count();
  await page.getByRole('button', { name: 'More stories' }).click();
  await expect.poll(() => cards.count()).toBeGreaterThan(first);
  const loaded = await cards.count();
  const target = cards.nth(first + 1);
  await target.scrollIntoViewIfNeeded();
  const headline = (await target.locator('.card-headline').textContent()).trim();
  const y = await page.evaluate(() => window.scrollY);
  expect(y).toBeGreaterThan(200);
  await target.locator('.card-headline a').click();
  await expect(page.locator('h1.headline')).toHaveText(headline);

  await page.goBack();
  await expect(page).toHaveURL(/\/latest$/);
  await expect(cards).toHaveCount(loaded);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(y - 5);
  expect(Math.abs(await page.evaluate(() => window.scrollY) - y)).toBeLessThan(5);
  await page.goForward();
  await expect(page.locator('h1.headline')).toHaveText(headline);
  // And back again; the restored list works like the one drawn.
  await page.goBack();
  await expect(cards).toHaveCount(loaded);
  const other = cards.nth(first + 2);
  const otherHeadline = (await other.locator('.card-headline').textContent()).trim();
  await other.locator('.card-headline a').click();
  await expect(page.locator('h1.headline')).toHaveText(otherHeadline);
});

test('after moving, focus is on the new page\'s heading and its title is announced', async ({ page }) => {
  await page.goto('/');
  await appReady(page);
  const section = listing('latest').items[0].section;
  await page.locator(`.sections-nav a[href="/sections/${section}"]`).click();
  const h1 = page.locator('main h1');
  await expect(h1).toBeFocused();
  const title = await page.title();
  await expect(page.locator('#page-announcer')).toHaveText(title);
  await expect(page.getByRole('status').filter({ hasText: title })).toHaveCount(1);
  // The first document's heading is not grabbed: focus starts at the top.
  await page.reload();
  await appReady(page);
  await expect(h1).not.toBeFocused();
});

test('previous and next story in the section, by link and by the N and P keys', async ({ page }) => {
  const section = story().section;
  const items = listing(`section/${section}`).items;
  expect(items.length).toBeGreaterThan(2);
  const [newer, middle, older] = items;
  await page.goto(`/articles/${middle.slug}`);
  await appReady(page);
  const nav = page.getByRole('navigation', { name: /^More in / });
  await expect(nav.locator('a[rel=prev]')).toContainText(newer.headline);
  await expect(nav.locator('a[rel=next]')).toContainText(older.headline);
  await page.keyboard.press('n');
  await expect(page.locator('h1.headline')).toHaveText(older.headline);
  await expect(page.locator('h1.headline')).toBeFocused();
  await page.keyboard.press('p');
  await expect(page.locator('h1.headline')).toHaveText(middle.headline);
  await page.keyboard.press('p');
  await expect(page.locator('h1.headline')).toHaveText(newer.headline);
  // The newest has no previous story.
  await expect(nav.locator('a[rel=prev]')).toHaveCount(0);
  await page.keyboard.press('p');
  await expect(page.locator('h1.headline')).toHaveText(newer.headline);
});

test.describe('with JavaScript disabled', () => {
  test.use({ javaScriptEnabled: false });
  test('the next story is an ordinary link', async ({ page }) => {
    const [, middle, older] = listing(`section/${story().section}`).items;
    await page.goto(`/articles/${middle.slug}`);
    await page.getByRole('link', { name: new RegExp(`^Next story`) }).click();
    await expect(page.locator('h1.headline')).toHaveText(older.headline);
  });
});
