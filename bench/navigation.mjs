// Later views and offline, in headless Chromium without throttling
// (a desktop-class core): in-app navigation from click to headline, for
// articles fetched from the network and for saved ones; and a saved article
// opened cold while offline beside its static page from the browser's
// cache. Not a test: it prints medians and ratios, and asserts nothing.
//   node bench/navigation.mjs     (./x bench runs it against nginx)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { writeTwin, removeTwins } from './twins.mjs';

const base = process.env.E2E_BASE_URL || 'http://127.0.0.1:8092';
const dist = join(process.cwd(), 'dist');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];
const fmt = (xs) => `median ${median(xs).toFixed(1)} ms, p95 ${p95(xs).toFixed(1)} ms (n=${xs.length})`;

const json = (path) => JSON.parse(readFileSync(join(dist, path), 'utf8'));
const stories = [...json('content/listings/latest/1.json').items, ...json('content/listings/latest/2.json').items]
  .filter((s) => s.kind !== 'brief');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});

/** Clicks an in-app link to `slug` and times click → its headline on screen. */
async function clickToHeadline(page, slug, headline) {
  return page.evaluate(({ href, headline }) => new Promise((resolve) => {
    const a = Object.assign(document.createElement('a'), { href });
    document.body.append(a);
    const done = () => {
      const h1 = document.querySelector('main h1.headline');
      if (h1 && h1.textContent === headline) {
        // The frame after the headline is in the DOM is when it is painted.
        requestAnimationFrame(() => resolve(performance.now() - start));
        observer.disconnect();
      }
    };
    const observer = new MutationObserver(done);
    observer.observe(document.querySelector('main'), { childList: true, subtree: true, characterData: true });
    const start = performance.now();
    a.click();
    a.remove();
  }), { href: `/articles/${slug}`, headline });
}

async function navigation() {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/articles/${stories[0].slug}`);
  await page.waitForFunction(() => document.documentElement.classList.contains('app'));
  await page.waitForLoadState('networkidle');
  const visit = stories.slice(1, 16);
  const fromNetwork = [];
  for (const s of visit) {
    fromNetwork.push(await clickToHeadline(page, s.slug, s.headline));
    await page.waitForLoadState('networkidle');
  }
  const saved = [];
  for (const s of visit) saved.push(await clickToHeadline(page, s.slug, s.headline));
  console.log(`navigation click to headline, article from the network: ${fmt(fromNetwork)}`);
  console.log(`navigation click to headline, saved article: ${fmt(saved)}`);
  await context.close();
}

/** First and largest contentful paint of a fresh load of `url` in `page`. */
async function paints(page, url) {
  await page.goto(url);
  await page.waitForLoadState('load');
  // Paint entries arrive after the frame that painted: collect them for a
  // moment (buffered), then read the first contentful and the largest.
  return page.evaluate(() => new Promise((resolve) => {
    let fcp;
    let lcp;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') fcp = e.startTime;
    }).observe({ type: 'paint', buffered: true });
    new PerformanceObserver((list) => {
      const entries = list.getEntries();
      lcp = entries[entries.length - 1].startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
    setTimeout(() => resolve({ fcp, lcp }), 300);
  }));
}

async function offlineOpen() {
  const runs = Number(process.env.BENCH_RUNS || 5);
  const s = stories.find((x) => x.hero) || stories[0];
  const url = `${base}/articles/${s.slug}`;
  const twin = base + (await writeTwin(browser, base, `/articles/${s.slug}`, 'offline.html'));
  const folio = { fcp: [], lcp: [] };
  const cached = { fcp: [], lcp: [] };
  for (let i = 0; i < runs; i++) {
    // Folio: read once online (saved, page kept by the worker), then a new
    // tab opens it with the network gone.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => document.querySelector('.saved-on:not([hidden])'));
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForLoadState('networkidle');
    await page.close();
    await context.setOffline(true);
    const cold = await paints(await context.newPage(), url);
    folio.fcp.push(cold.fcp);
    folio.lcp.push(cold.lcp);
    await context.close();
    // The same page as a plain static page (its twin: no script), opened
    // in a new tab from the browser's cache, as cold as Folio's.
    const plain = await browser.newContext({ serviceWorkers: 'block' });
    const p = await plain.newPage();
    await p.goto(twin);
    await p.waitForLoadState('networkidle');
    await p.close();
    const warm = await paints(await plain.newPage(), twin);
    cached.fcp.push(warm.fcp);
    cached.lcp.push(warm.lcp);
    await plain.close();
  }
  for (const m of ['fcp', 'lcp']) {
    const ratio = median(folio[m]) / median(cached[m]);
    console.log(`offline cold open of a saved article ${m.toUpperCase()}: folio ${fmt(folio[m])}; static page from cache ${fmt(cached[m])} (${ratio.toFixed(2)}x)`);
  }
}

try {
  await navigation();
  await offlineOpen();
} finally {
  removeTwins();
  await browser.close();
}
