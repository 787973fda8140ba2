// The security policy is live: served as a header and in every page, strict
// enough to refuse what content must never do, and the app runs under it
// (every journey fails on a violation: fixtures.mjs).
import { test, expect } from './fixtures.mjs';
import { listing } from './helpers.mjs';

const s = () => listing('latest').items[0];

test('pages, the app and its files carry the security headers', async ({ request }) => {
  for (const path of ['/', `/articles/${s().slug}`, '/no-such-page', '/content/site.json', '/sw.js']) {
    const response = await request.get(path);
    const h = response.headers();
    expect(h['content-security-policy'], path).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(h['content-security-policy'], path).toContain("frame-ancestors 'none'");
    expect(h['content-security-policy'], path).not.toContain('unsafe-inline');
    expect(h['x-content-type-options'], path).toBe('nosniff');
    expect(h['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
    expect(h['permissions-policy'], path).toContain('camera=()');
  }
  const page = await (await request.get(`/articles/${s().slug}`)).text();
  expect(page).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;self&#39;;/);
  expect(page).not.toMatch(/<script>|<script type=module>|<style>/);
});

test('the policy refuses a foreign image and an injected script', async ({ page }) => {
  await page.goto(`/articles/${s().slug}`);
  await page.waitForFunction(() => document.documentElement.classList.contains('app'));
  const refused = await page.evaluate(async () => {
    const seen = [];
    document.addEventListener('securitypolicyviolation', (e) => seen.push(e.violatedDirective));
    const img = Object.assign(document.createElement('img'), { src: 'https://tracker.example/p.gif' });
    document.body.append(img);
    const script = document.createElement('script');
    script.textContent = 'window.__ran = true';
    document.body.append(script);
    await new Promise((r) => setTimeout(r, 300));
    img.remove();
    script.remove();
    // These violations were provoked on purpose: not the app's.
    window.__policyViolations = [];
    return { seen, ran: window.__ran === true };
  });
  expect(refused.ran).toBe(false);
  expect(refused.seen).toEqual(expect.arrayContaining(['img-src', 'script-src-elem']));
});
