// Display settings: theme, text size, line spacing, column width and font,
// applied at once, kept across visits and applied before the first paint
// of every page (pre-rendered ones included, even when the app never
// starts).
import { test, expect } from './fixtures.mjs';
import { listing, appReady } from './helpers.mjs';

const slug = () => listing('latest').items[0].slug;
const other = () => listing('latest').items[1].slug;

const htmlData = (page) => page.evaluate(() => ({ ...document.documentElement.dataset }));
const bodyStyle = (page, prop) => page.evaluate((p) => getComputedStyle(document.querySelector('.article-body')).getPropertyValue(p), prop);
const background = (page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

async function openSettings(page) {
  await appReady(page);
  const toggle = page.getByRole('button', { name: 'Display settings' });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  return page.getByRole('form', { name: 'Display settings' });
}

test('choices apply at once, on every page, and are kept across visits', async ({ page }) => {
  await page.goto(`/articles/${slug()}`);
  const size = parseFloat(await bodyStyle(page, 'font-size'));
  const leading = parseFloat(await bodyStyle(page, 'line-height'));
  const measure = await page.locator('.article-body').evaluate((e) => e.getBoundingClientRect().width);
  const light = await background(page);

  const panel = await openSettings(page);
  await panel.getByRole('radio', { name: 'Sepia' }).check();
  await panel.getByRole('radio', { name: 'Largest' }).check();
  await panel.getByRole('radio', { name: 'Loose' }).check();
  await panel.getByRole('radio', { name: 'Narrow' }).check();
  await panel.getByRole('radio', { name: 'Sans serif' }).check();
  expect(await htmlData(page)).toMatchObject({ theme: 'sepia', text: 'xxl', leading: 'loose', width: 'narrow', font: 'sans' });
  expect(await background(page)).toBe('rgb(244, 236, 216)');
  expect(await background(page)).not.toBe(light);
  expect(parseFloat(await bodyStyle(page, 'font-size'))).toBeCloseTo(size * 1.5, 0);
  expect(parseFloat(await bodyStyle(page, 'line-height')) / parseFloat(await bodyStyle(page, 'font-size')))
    .toBeGreaterThan(leading / size);
  // Narrower in rem, but the text is larger: compare at the same size.
  const narrow = await page.locator('.article-body').evaluate((e) => e.getBoundingClientRect().width);
  expect(narrow / 1.5).toBeLessThan(measure);
  expect(await bodyStyle(page, 'font-family')).toContain('system-ui');
  await expect(page.locator('meta[name=theme-color]').first()).toHaveAttribute('content', '#f4ecd8');

  // Kept: another page, and a reload.
  await page.goto(`/articles/${other()}`);
  expect(await htmlData(page)).toMatchObject({ theme: 'sepia', text: 'xxl', font: 'sans' });
  await page.reload();
  const again = await openSettings(page);
  await expect(again.getByRole('radio', { name: 'Sepia' })).toBeChecked();
  await expect(again.getByRole('radio', { name: 'Largest' })).toBeChecked();
  await expect(again.getByRole('radio', { name: 'Narrow' })).toBeChecked();

  // Reset to defaults: no attributes, the system's theme, default radios.
  await again.getByRole('button', { name: 'Reset to defaults' }).click();
  expect(await htmlData(page)).toEqual({});
  await expect(again.getByRole('radio', { name: 'Match the system' })).toBeChecked();
  expect(await background(page)).toBe(light);
  expect(await page.evaluate(() => localStorage.getItem('folio.settings'))).toBeNull();
});

test('stored choices are painted from the first frame, even when the app never starts', async ({ page, context }) => {
  await context.addInitScript(() => {
    localStorage.setItem('folio.settings', 'theme=dark&text=xl&font=legible');
    // What <html> carried when <body> was first inserted, before any paint.
    window.__atBody = null;
    new MutationObserver((_, observer) => {
      if (document.body) {
        window.__atBody = { ...document.documentElement.dataset };
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await context.route('**/*.wasm', (route) => route.abort());
  for (const path of ['/', `/articles/${slug()}`, '/sections/' + listing('latest').items[0].section]) {
    await page.goto(path);
    expect(await page.evaluate(() => window.__atBody), path).toEqual({ theme: 'dark', text: 'xl', font: 'legible' });
    expect(await background(page)).toBe('rgb(22, 24, 27)');
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('20px');
    await expect(page.locator('meta[name=theme-color]').first()).toHaveAttribute('content', '#16181b');
  }
  expect(await page.evaluate(() => document.documentElement.classList.contains('app'))).toBe(false);
});

test('stored values that are not choices are ignored, and cannot inject anything', async ({ page, context }) => {
  await context.addInitScript(() => {
    localStorage.setItem('folio.settings', 'theme="><img src=x onerror=alert(1)>&text=huge&onload=1&width=wide');
  });
  await page.goto(`/articles/${slug()}`);
  const data = await htmlData(page);
  expect(data).toEqual({ width: 'wide' });
  expect(await page.locator('img[src=x]').count()).toBe(0);
});

test('the legible font is downloaded only when chosen, and used', async ({ page }) => {
  const fonts = [];
  page.on('request', (r) => { if (r.url().includes('/fonts/')) fonts.push(r.url()); });
  await page.goto(`/articles/${slug()}`);
  await appReady(page);
  await page.evaluate(() => document.fonts.ready);
  expect(fonts).toEqual([]);
  const panel = await openSettings(page);
  await panel.getByRole('radio', { name: /Atkinson Hyperlegible/ }).check();
  await expect.poll(() => fonts.length).toBeGreaterThan(0);
  expect(fonts.every((u) => /atkinson-hyperlegible-latin-(ext-)?\d{3}-(normal|italic)\.woff2$/.test(u))).toBe(true);
  expect(await bodyStyle(page, 'font-family')).toMatch(/^"Atkinson Hyperlegible"/);
  await expect.poll(() => page.evaluate(() => document.fonts.check('400 16px "Atkinson Hyperlegible"', 'Reading'))).toBe(true);
});

test('the panel is a keyboard disclosure: Escape closes it and gives focus back', async ({ page }) => {
  await page.goto('/');
  const panel = await openSettings(page);
  const toggle = page.getByRole('button', { name: 'Display settings' });
  await panel.getByRole('radio', { name: 'Dark' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(panel.getByRole('radio', { name: 'Sepia' })).toBeChecked();
  expect((await htmlData(page)).theme).toBe('sepia');
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(toggle).toBeFocused();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
});

test.describe('with JavaScript disabled', () => {
  test.use({ javaScriptEnabled: false });
  test('the settings control is not offered', async ({ page }) => {
    await page.goto(`/articles/${slug()}`);
    await expect(page.getByRole('button', { name: 'Display settings' })).toHaveCount(0);
    await expect(page.locator('h1.headline')).toBeVisible();
  });
});
