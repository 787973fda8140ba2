// Share actions: links for every network built from one canonical URL,
// copy link with confirmation and fallback, Mastodon remembered, and the
// native share sheet where the browser has one.
import { test, expect } from './fixtures.mjs';
import { listing, distJson, appReady } from './helpers.mjs';

/** Opens an article and waits for the app, which runs the share actions. */
async function open(page, slug) {
  await page.goto(`/articles/${slug}`);
  await appReady(page);
}

const site = () => distJson('content/site.json');
// A story whose headline has reserved characters and, if any, non-ASCII.
const tricky = () => {
  const all = listing('latest').items.concat(listing('latest', 2).items);
  return all.find((s) => /[&?%#]/.test(s.headline) && /[^\x00-\x7f]/.test(s.headline)) || all.find((s) => /[&?%#]/.test(s.headline));
};
const canonical = (slug) => `${site().base_url}articles/${slug}`;

test('every share target links to the canonical URL with the title encoded', async ({ page }) => {
  const s = tricky();
  const url = canonical(s.slug);
  const u = encodeURIComponent(url);
  const t = encodeURIComponent(s.headline);
  const both = encodeURIComponent(`${s.headline} ${url}`);
  await open(page, s.slug);
  const bar = page.locator('article.article .share');
  await bar.getByRole('button', { name: 'Share' }).click();
  const expected = {
    x: `https://x.com/intent/tweet?text=${t}&url=${u}`,
    facebook: `https://www.facebook.com/sharer/sharer.php?u=${u}`,
    linkedin: `https://www.linkedin.com/sharing/share-offsite/?url=${u}`,
    bluesky: `https://bsky.app/intent/compose?text=${both}`,
    reddit: `https://www.reddit.com/submit?url=${u}&title=${t}`,
    whatsapp: `https://wa.me/?text=${both}`,
    email: `mailto:?subject=${t}&body=${encodeURIComponent(`${s.headline}\n\n${url}`)}`,
  };
  for (const [id, href] of Object.entries(expected)) {
    const link = bar.locator(`a.share-${id}`);
    await expect(link).toHaveAttribute('href', href);
    if (id !== 'email') await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  }
  // Round trip: the decoded parameter is exactly the headline.
  const x = new URL(expected.x);
  expect(x.searchParams.get('text')).toBe(s.headline);
  expect(x.searchParams.get('url')).toBe(url);
});

test('the share menu is a keyboard-operable disclosure', async ({ page }) => {
  await open(page, tricky().slug);
  const toggle = page.locator('article.article .share-toggle');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const menu = page.locator(`#${await toggle.getAttribute('aria-controls')}`);
  await expect(menu).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(menu.locator('a.share-x')).toBeFocused();
});

test.describe('copy link', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('copies the canonical URL and confirms', async ({ page }) => {
    const s = tricky();
    await open(page, s.slug);
    await page.locator('article.article .share-toggle').click();
    await page.locator('article.article .share-copy').click();
    await expect(page.locator('article.article .share-copied')).toHaveText('Link copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(canonical(s.slug));
  });
});

// A clipboard that refuses at once, and one that never answers (a
// permission prompt left open): both end with the link offered by hand.
for (const [how, writeText] of [
  ['refused', () => Promise.reject(new DOMException('denied', 'NotAllowedError'))],
  ['never answers', () => new Promise(() => {})],
]) {
  test(`when the clipboard ${how}, the link is offered to copy by hand`, async ({ page }) => {
    await page.addInitScript(`Object.defineProperty(navigator, 'clipboard', { value: { writeText: ${writeText} } });`);
    const s = tricky();
    await open(page, s.slug);
    await page.locator('article.article .share-toggle').click();
    await page.locator('article.article .share-copy').click();
    await expect(page.locator('article.article .share-copy-status')).toContainText('Copying was not allowed');
    await expect(page.locator('article.article input.share-url')).toHaveValue(canonical(s.slug));
  });
}

test('Mastodon asks for the server once and remembers it', async ({ page, context }) => {
  // The machine has no route to the real server: answer its share page locally.
  await context.route('https://mastodon.social/**', (route) => route.fulfill({ body: 'share page' }));
  const s = tricky();
  await open(page, s.slug);
  await page.locator('article.article .share-toggle').click();
  await page.locator('article.article .share-mastodon').click();
  const field = page.locator('article.article').getByLabel('Your Mastodon server');
  await field.fill('not a server');
  await page.getByRole('button', { name: 'Share on Mastodon' }).click();
  await expect(page.locator('article.article .mastodon-form [role="alert"]')).toBeVisible();
  await field.fill('https://Mastodon.Social/@someone');
  const [popup] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: 'Share on Mastodon' }).click()]);
  // Compared decoded: the browser may re-escape characters such as ' on navigation.
  const check = (u) => {
    const parsed = new URL(u);
    expect(parsed.origin + parsed.pathname).toBe('https://mastodon.social/share');
    expect(parsed.searchParams.get('text')).toBe(`${s.headline} ${canonical(s.slug)}`);
  };
  check(popup.url());
  await popup.close();

  // Next time, on another page load: straight to the server, no question.
  await page.reload();
  await appReady(page);
  await page.locator('article.article .share-toggle').click();
  await expect(page.locator('article.article .share-note')).toContainText('mastodon.social');
  const [again] = await Promise.all([context.waitForEvent('page'), page.locator('article.article .share-mastodon').click()]);
  check(again.url());
  await expect(page.locator('article.article').getByLabel('Your Mastodon server')).toBeHidden();
});

test('with a native share sheet, Share uses it with the right data', async ({ page }) => {
  await page.addInitScript(() => {
    window.__shared = [];
    navigator.share = (data) => { window.__shared.push(data); return Promise.resolve(); };
    navigator.canShare = () => true;
  });
  const s = tricky();
  await open(page, s.slug);
  await page.locator('article.article .share-native').click();
  const shared = await page.evaluate(() => window.__shared);
  expect(shared).toEqual([{ title: s.headline, text: s.dek, url: canonical(s.slug) }]);
  // The menu is still there for other ways.
  await expect(page.locator('article.article .share-toggle')).toHaveText('More ways to share');
});

test('briefs in the rail can be shared too', async ({ page }) => {
  await open(page, tricky().slug);
  const brief = page.locator('.rail-briefs .brief').first();
  await brief.locator('.share-toggle').click();
  const slug = (await brief.locator('.brief-headline a').getAttribute('href')).split('/').pop();
  await expect(brief.locator('a.share-facebook')).toHaveAttribute('href', `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(canonical(slug))}`);
});
