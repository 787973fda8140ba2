// Link previews and production headers, checked with a plain HTTP client
// (no JavaScript, as a social network's crawler) against nginx running the
// shipped configuration.
import { test, expect } from './fixtures.mjs';
import { readdirSync } from 'node:fs';
import { listing, article, distJson } from './helpers.mjs';

const decode = (s) => s.replace(/&quot;/g, '"').replace(/&#39;|&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
function meta(html, key) {
  const re = new RegExp(`<meta[^>]+(?:property|name)="${key}"[^>]+content="([^"]*)"`);
  const m = html.match(re);
  return m ? decode(m[1]) : null;
}

test('an article URL carries its own preview tags and boots the app on it', async ({ request, page }) => {
  const site = distJson('content/site.json');
  // A headline with reserved and non-ASCII characters.
  const s = listing('latest').items.concat(listing('latest', 2).items).find((x) => /&/.test(x.headline) && /[^\x00-\x7f]/.test(x.headline));
  const a = article(s.slug);
  const res = await request.get(`/articles/${s.slug}`, { headers: { 'User-Agent': 'facebookexternalhit/1.1' } });
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toContain('text/html');
  const html = await res.text();
  const url = `${site.base_url}articles/${s.slug}`;
  expect(meta(html, 'og:title')).toBe(a.headline);
  expect(meta(html, 'og:description')).toBe(a.dek);
  expect(meta(html, 'og:url')).toBe(url);
  expect(meta(html, 'og:type')).toBe('article');
  expect(meta(html, 'twitter:card')).toBe('summary_large_image');
  expect(html).toContain(`<link rel="canonical" href="${url}">`);
  expect(decode(html.match(/<title>([^<]*)<\/title>/)[1])).toBe(`${a.headline} — ${site.name}`);
  // The preview image is absolute and really served.
  const image = meta(html, 'og:image');
  expect(image.startsWith(site.base_url)).toBe(true);
  const img = await request.get('/' + image.slice(site.base_url.length));
  expect(img.status()).toBe(200);
  expect(img.headers()['content-type']).toMatch(/^image\//);

  await page.goto(`/articles/${s.slug}`);
  await expect(page.locator('h1.headline')).toHaveText(a.headline);
});

test('section and front pages have their own previews', async ({ request }) => {
  const site = distJson('content/site.json');
  const section = site.sections[1];
  const html = await (await request.get(`/sections/${section.slug}`)).text();
  expect(meta(html, 'og:title')).toContain(section.name);
  expect(meta(html, 'og:url')).toBe(`${site.base_url}sections/${section.slug}`);
  const home = await (await request.get('/')).text();
  expect(meta(home, 'og:title')).toContain(site.name);
  expect(meta(home, 'og:type')).toBe('website');
});

test('headers: immutable hashed assets, revalidated HTML and content, wasm type, real 404s', async ({ request }) => {
  const files = readdirSync('dist');
  const wasm = files.find((f) => f.endsWith('_bg.wasm'));
  const css = files.find((f) => /^components-[0-9a-f]{12,16}\.css$/.test(f));
  const get = (p, headers = {}) => request.get(p, { headers });

  const w = await get(`/${wasm}`);
  expect(w.headers()['content-type']).toBe('application/wasm');
  expect(w.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  expect((await get(`/${css}`)).headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  for (const p of ['/', '/sw.js', '/content/site.json', `/articles/${listing('latest').items[0].slug}`]) {
    expect((await get(p)).headers()['cache-control'], p).toBe('no-cache');
  }
  // Precompressed siblings are served to clients that accept them.
  const gz = await request.fetch(`/${wasm}`, { headers: { 'Accept-Encoding': 'gzip' } });
  expect(gz.headers()['content-encoding']).toBe('gzip');
  const br = await request.fetch(`/${wasm}`, { headers: { 'Accept-Encoding': 'br, gzip' } });
  expect(br.headers()['content-encoding']).toBe('br');
  expect(Number(br.headers()['content-length'])).toBeLessThan(Number(gz.headers()['content-length']));
  // App routes without a file still boot the app; missing content is a 404.
  expect((await get('/sections/europe')).status()).toBe(200);
  expect((await get('/content/articles/no-such-story.json')).status()).toBe(404);
  // Feeds and sitemap are published.
  const feed = await get('/feed.xml');
  expect(feed.status()).toBe(200);
  expect(await feed.text()).toContain('<feed');
  expect(await (await get('/sitemap.xml')).text()).toContain('<urlset');
});
