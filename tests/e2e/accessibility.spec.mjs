// Accessibility: axe-core (WCAG 2.2 A and AA, and its best practices) on
// every kind of page in the light, dark and sepia themes, with and without
// script; headings in order; a visible focus on everything the keyboard
// reaches; reduced motion; 200% zoom; and the print stylesheet.
import AxeBuilder from '@axe-core/playwright';
import { readdirSync } from 'node:fs';
import { test, expect } from './fixtures.mjs';
import { listing, appReady } from './helpers.mjs';

const story = () => listing('latest').items[0];
/** The page of the first story's first tag and author (ids `tag/x` → `tags/x`). */
const tagPage = () => listing(`tag/${readdirSync('dist/content/listings/tag')[0]}`).listing.replace(/^tag\//, 'tags/');
const authorPage = () => listing(`author/${readdirSync('dist/content/listings/author')[0]}`).listing.replace(/^author\//, 'authors/');
const PAGES = () => [
  ['front page', '/'],
  ['section', `/sections/${story().section}`],
  ['article', `/articles/${story().slug}`],
  ['latest, page 2', '/latest/2'],
  ['tag', `/${tagPage()}`],
  ['author', `/${authorPage()}`],
  ['library', '/library'],
  ['search', '/search'],
  ['not found', '/no-such-page'],
];

async function axe(page) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

/** Heading levels never skip a level going down, and there is one h1. */
const headingProblems = (page) => page.evaluate(() => {
  const levels = [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')]
    .filter((h) => h.getClientRects().length > 0 || h.classList.contains('visually-hidden'))
    .map((h) => Number(h.tagName[1]));
  const problems = [];
  if (levels.filter((l) => l === 1).length !== 1) problems.push(`h1 count ${levels.filter((l) => l === 1).length}`);
  levels.forEach((l, i) => { if (i > 0 && l > levels[i - 1] + 1) problems.push(`h${levels[i - 1]} then h${l}`); });
  return problems;
});

for (const theme of ['light', 'dark', 'sepia']) {
  test(`no accessibility violations on any page in the ${theme} theme`, async ({ page, context }) => {
    // axe on nine pages and four open states: about 25 s on an idle two-core
    // machine, so three times the default time.
    test.slow();
    await context.addInitScript((t) => localStorage.setItem('folio.settings', `theme=${t}`), theme);
    for (const [name, path] of PAGES()) {
      await page.goto(path);
      await appReady(page);
      if (path === '/library') await expect(page.locator('.storage-estimate')).not.toContainText('Checking');
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
      expect(await axe(page), `${name} (${path})`).toEqual([]);
      expect(await headingProblems(page), `${name} headings`).toEqual([]);
    }
    // Open states: the settings panel, a brief kept reading in the rail,
    // the share menu, the shortcuts list.
    await page.goto(`/articles/${story().slug}`);
    await appReady(page);
    await page.getByRole('button', { name: 'Display settings' }).click();
    await page.locator('aside.rail .brief-toggle').first().click();
    await page.locator('article.article .share-toggle').click();
    expect(await axe(page), 'article with its panels open').toEqual([]);
    await page.keyboard.press('Escape');
    await page.locator('body').click({ position: { x: 1, y: 300 } });
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    expect(await axe(page), 'shortcuts list').toEqual([]);
  });
}

test('no accessibility violations on the pages as they read without script', async ({ page, context }) => {
  // axe is script itself: the page is opened with its own scripts blocked
  // and the no-script stylesheet applied, which is what a reader without
  // script gets.
  await context.route(/\.(js|wasm)$/, (route) => route.abort());
  for (const [name, path] of PAGES().slice(0, 4)) {
    await page.goto(path);
    await page.addStyleTag({ url: '/noscript.css' });
    expect(await page.evaluate(() => document.documentElement.classList.contains('app'))).toBe(false);
    expect(await axe(page), `${name} (${path})`).toEqual([]);
  }
});

test('everything the keyboard reaches shows where the focus is', async ({ page }) => {
  await page.goto(`/articles/${story().slug}`);
  await appReady(page);
  const seen = new Set();
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const s = getComputedStyle(el);
      const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
      return { what: `${el.tagName.toLowerCase()} ${el.textContent.trim().slice(0, 30)}`, ring, visible: el.getClientRects().length > 0 };
    });
    if (!focus) continue;
    seen.add(focus.what);
    expect(focus.visible, `${focus.what} is on screen`).toBe(true);
    expect(focus.ring, `${focus.what} shows focus`).toBe(true);
  }
  expect(seen.size).toBeGreaterThan(15);
});

test('with reduced motion, nothing animates', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`/articles/${story().slug}`);
  await appReady(page);
  const moving = await page.evaluate(() => [...document.querySelectorAll('*')]
    .map((el) => [el, getComputedStyle(el)])
    .filter(([, s]) => s.transitionDuration.split(',').some((d) => parseFloat(d) > 0.01)
      || (s.animationName !== 'none' && parseFloat(s.animationDuration) > 0.01))
    .map(([el]) => el.className || el.tagName));
  expect(moving).toEqual([]);
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).not.toBe('smooth');
});

test('at 200% zoom nothing is lost: no sideways scrolling, every control reachable', async ({ browser }) => {
  // 200% of a 1280 px window is 640 CSS pixels.
  const context = await browser.newContext({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  for (const [name, path] of PAGES().slice(0, 4)) {
    await page.goto(new URL(path, test.info().project.use.baseURL).href);
    await appReady(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, name).toBeLessThanOrEqual(0);
    await expect(page.getByRole('button', { name: 'Display settings' })).toBeInViewport();
  }
  await context.close();
});

test('an article prints cleanly: the text and its address, without the rail or controls', async ({ page }) => {
  await page.goto(`/articles/${story().slug}`);
  await appReady(page);
  await page.emulateMedia({ media: 'print' });
  for (const hidden of ['.masthead', 'aside.rail', '.share', '.save-toggle', '.settings', '.reading-progress', '.skip-link', '.site-footer']) {
    const shown = await page.locator(hidden).evaluateAll((els) => els.filter((e) => getComputedStyle(e).display !== 'none').length);
    expect(shown, `${hidden} is not printed`).toBe(0);
  }
  await expect(page.locator('h1.headline')).toBeVisible();
  await expect(page.locator('.article-body')).toBeVisible();
  const address = await page.locator('article.article').evaluate((el) => getComputedStyle(el, '::after').content);
  expect(address).toContain(`/articles/${story().slug}`);
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toMatch(/rgb\(255, 255, 255\)|rgba\(0, 0, 0, 0\)/);
  // And Chromium makes a PDF of it.
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.length).toBeGreaterThan(5000);
});
