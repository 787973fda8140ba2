// A deployment under a path prefix (/news/), built by ./x test into
// dist-news/ and served by nginx with the shipped deploy/nginx/folio-subpath.conf.
import { test, expect } from './fixtures.mjs';
import { mkdtempSync, mkdirSync, symlinkSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { appReady, listing, article, startNginx } from './helpers.mjs';

const PORT = 8098;
const base = `http://127.0.0.1:${PORT}`;
let dir;
let stop;

test.beforeAll(() => {
  if (!existsSync('dist-news/index.html')) throw new Error('dist-news/ is missing: ./x test builds it before the end-to-end run');
  // The subpath configuration serves <root>/news/.
  dir = mkdtempSync(join(tmpdir(), 'folio-news-'));
  symlinkSync(resolve('dist-news'), join(dir, 'news'));
  stop = startNginx({ conf: 'deploy/nginx/folio-subpath.conf', root: dir, port: PORT, policy: 'dist-news/security-policy.txt' });
});

test.afterAll(() => {
  stop();
  rmSync(dir, { recursive: true, force: true });
});

test('the app works under /news/: navigation, deep links, refresh, images', async ({ page }) => {
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(`${base}/news/`);
  await appReady(page);
  const lead = listing('latest').items[0];
  const link = page.locator('.front-lead .card-lead .card-headline a');
  await expect(link).toHaveText(lead.headline);
  await expect(link).toHaveAttribute('href', `/news/articles/${lead.slug}`);
  await link.click();
  await expect(page).toHaveURL(`${base}/news/articles/${lead.slug}`);
  await expect(page.locator('h1.headline')).toHaveText(lead.headline);
  await page.reload();
  await expect(page.locator('h1.headline')).toHaveText(lead.headline);
  await page.waitForFunction(() => [...document.querySelectorAll('figure.hero img')].every((i) => i.complete && i.naturalWidth > 0));
  // Section navigation stays under the prefix.
  const nav = page.locator('.sections-nav a').first();
  await expect(nav).toHaveAttribute('href', /^\/news\/sections\//);
  // Nothing was requested outside the prefix.
  expect(requests.filter((p) => !p.startsWith('/news/'))).toEqual([]);
});

test('links inside article bodies stay under the prefix', async ({ page }) => {
  const withLink = listing('kind/analysis').items.find((s) => /\]\(\/articles\//.test(article(s.slug).body));
  await page.goto(`${base}/news/articles/${withLink.slug}`);
  const internal = page.locator('.article-body a[href*="/articles/"]').first();
  await expect(internal).toHaveAttribute('href', /^\/news\/articles\//);
  // Relative image paths resolve against <base href="/news/">.
  const src = await page.locator('.article-body img').first().evaluate((i) => i.src);
  expect(src.startsWith(`${base}/news/images/`)).toBe(true);
});

test('a plain HTTP client gets the link preview tags at the article URL', async ({ request }) => {
  const s = listing('latest').items[0];
  const res = await request.get(`${base}/news/articles/${s.slug}`);
  expect(res.status()).toBe(200);
  const html = await res.text();
  expect(html).toContain(`<link rel="canonical" href="https://magazine.example/news/articles/${s.slug}">`);
  expect(html).toContain(`property="og:url" content="https://magazine.example/news/articles/${s.slug}"`);
});
