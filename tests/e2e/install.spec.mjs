// Installable: Chromium's own installability check (over the DevTools
// protocol), the manifest's icons as files of the sizes they claim, the
// apple-touch-icon on every page and the feeds discoverable.
import { chromium } from '@playwright/test';
import { test, expect } from './fixtures.mjs';
import { listing, appReady } from './helpers.mjs';

/** Width and height from a PNG's header. */
const pngSize = (buf) => [buf.readUInt32BE(16), buf.readUInt32BE(20)];

test('Chromium finds nothing stopping the app from being installed', async ({ baseURL }, testInfo) => {
  // A profile of its own: Playwright's usual contexts are incognito, where
  // nothing installs.
  const profile = testInfo.outputPath('profile');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
    baseURL,
  });
  try {
    const page = context.pages()[0] || await context.newPage();
    await page.goto('/');
    await appReady(page);
    await page.evaluate(async () => { await navigator.serviceWorker.ready; });
    const cdp = await context.newCDPSession(page);
    const { url, errors } = await cdp.send('Page.getAppManifest');
    expect(url).toMatch(/manifest\.webmanifest$/);
    expect(errors).toEqual([]);
    await expect.poll(async () => (await cdp.send('Page.getInstallabilityErrors')).installabilityErrors).toEqual([]);
  } finally {
    await context.close();
  }
});

test('the manifest names real icons of the sizes it claims, maskable ones and shortcuts', async ({ request }) => {
  const manifest = await (await request.get('/manifest.webmanifest')).json();
  const pngs = manifest.icons.filter((i) => i.type === 'image/png');
  for (const size of ['192x192', '512x512']) {
    for (const purpose of ['any', 'maskable']) {
      expect(pngs.some((i) => i.sizes === size && i.purpose === purpose), `${size} ${purpose}`).toBe(true);
    }
  }
  for (const icon of pngs) {
    const res = await request.get(`/${icon.src}`);
    expect(res.ok(), icon.src).toBe(true);
    expect(res.headers()['content-type']).toBe('image/png');
    expect(pngSize(await res.body()).join('x')).toBe(icon.sizes);
  }
  expect(manifest.shortcuts.map((s) => s.short_name)).toEqual(['Library', 'Latest']);
  for (const s of manifest.shortcuts) expect((await request.get(`/${s.url.replace('./', '')}`)).ok()).toBe(true);
});

test('every kind of page has the apple-touch-icon, both theme colours and its feeds', async ({ page, request }) => {
  const section = listing('latest').items[0].section;
  for (const path of ['/', `/sections/${section}`, `/articles/${listing('latest').items[0].slug}`, '/latest']) {
    await page.goto(path);
    // Resolved against the document's base, as the browser does.
    const apple = await page.locator('link[rel=apple-touch-icon]').evaluate((l) => new URL(l.href).pathname);
    const res = await request.get(apple);
    expect(pngSize(await res.body())).toEqual([180, 180]);
    await expect(page.locator('meta[name=theme-color][media*=light]')).toHaveCount(1);
    await expect(page.locator('meta[name=theme-color][media*=dark]')).toHaveCount(1);
    const feeds = page.locator('link[rel=alternate][type="application/atom+xml"]');
    expect(await feeds.count(), path).toBeGreaterThan(0);
    // Feeds are named by the site's public address: fetch them here.
    for (const href of await feeds.evaluateAll((ls) => ls.map((l) => new URL(l.href).pathname))) {
      const feed = await request.get(href);
      expect(feed.ok(), href).toBe(true);
      expect(await feed.text()).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    }
  }
});
