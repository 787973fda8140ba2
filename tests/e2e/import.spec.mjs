// An imported article reads like any other: ./x test imports the
// WordPress export the build tool's tests use (crates/publish/tests/fixtures/
// import/wordpress) into a copy of the sample content and builds it into
// dist-import/. Its title entities decoded, byline, dates, table, footnotes
// and quote are there; the new section lists it; nothing hostile from the
// export survived (every journey also fails on a security-policy violation).
import { test, expect } from './fixtures.mjs';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { appReady, startNginx } from './helpers.mjs';

const PORT = 8098;
const base = `http://127.0.0.1:${PORT}`;
let stop;

test.beforeAll(() => {
  if (!existsSync('dist-import/index.html')) throw new Error('dist-import/ is missing: ./x test builds it before the end-to-end run');
  stop = startNginx({ conf: 'deploy/nginx/folio.conf', root: resolve('dist-import'), port: PORT, policy: 'dist-import/security-policy.txt' });
});

test.afterAll(() => stop());

test('an article imported from WordPress reads in full, in its new section', async ({ page }) => {
  await page.goto(`${base}/articles/tide-tables-harbour-clock`);
  await appReady(page);
  const article = page.getByRole('article').first();
  await expect(article.getByRole('heading', { level: 1 })).toHaveText('Tide tables & the town\u2019s new harbour clock');
  await expect(article.locator('.dek')).toHaveText('A second dial on Quay Street now shows high water \u2013 and the town has opinions\u2026');
  await expect(article.locator('.byline-authors')).toHaveText('By Maren Holt');
  await expect(article.locator('.byline time').first()).toHaveAttribute('datetime', '2026-03-10T09:00:00Z');
  const body = article.locator('.article-body');
  await expect(body.getByRole('table')).toContainText('06:58');
  await expect(body.locator('blockquote')).toContainText('A clock that knows the sea');
  await expect(body.locator('ol li')).toHaveCount(2);
  await expect(body.locator('.footnote-definition')).toHaveCount(2);
  await expect(body.locator('#fn-2')).toContainText('Minutes of the March meeting');
  // Nothing of the export runs or loads from elsewhere: no frames, no
  // handlers, no script, and the old site's images are not fetched (their
  // host is not declared).
  expect(await page.locator('main iframe, main script, main [onerror], main [onclick]').count()).toBe(0);
  expect(await page.locator('main img[src*="saltmere.example"]').count()).toBe(0);

  // The section the import added lists it.
  await page.goto(`${base}/sections/harbours`);
  await appReady(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Harbours');
  await expect(page.getByRole('link', { name: 'Tide tables & the town\u2019s new harbour clock' })).toBeVisible();
});
