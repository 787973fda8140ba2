// Folio benchmarks: shipped sizes and load/render times of the release build.
// Not a test: it prints figures, one per line, and asserts nothing.
//   node bench/run.mjs [sizes|load|all]   (./x bench runs all, serving dist/ on nginx)
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const dist = join(process.cwd(), 'dist');
const what = process.argv[2] || 'all';
const baseURL = process.env.E2E_BASE_URL || 'http://127.0.0.1:8092';

function kindOf(name) {
  if (name.endsWith('.wasm')) return 'wasm';
  if (name.endsWith('.js')) return 'js';
  if (name.endsWith('.css')) return 'css';
  if (name.endsWith('.html')) return 'html';
  return null;
}

function sizes() {
  const totals = {};
  // The app shell: top-level files of dist/ (content and images are data).
  for (const name of readdirSync(dist)) {
    const path = join(dist, name);
    const kind = kindOf(name);
    if (!kind || !statSync(path).isFile() || name === 'sw.js' || name === 'index.html' && false) continue;
    if (kind === 'html' && name !== 'index.html') continue;
    const raw = readFileSync(path);
    const t = (totals[kind] ||= { raw: 0, gzip: 0, brotli: 0 });
    t.raw += raw.length;
    t.gzip += gzipSync(raw, { level: 9 }).length;
    t.brotli += brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  const all = { raw: 0, gzip: 0, brotli: 0 };
  for (const kind of ['wasm', 'js', 'css', 'html']) {
    const t = totals[kind] || { raw: 0, gzip: 0, brotli: 0 };
    for (const enc of ['raw', 'gzip', 'brotli']) {
      console.log(`size ${kind} ${enc}: ${t[enc]} B (${(t[enc] / 1024).toFixed(1)} KiB)`);
      all[enc] += t[enc];
    }
  }
  for (const enc of ['raw', 'gzip', 'brotli']) {
    console.log(`size shell-total ${enc}: ${all[enc]} B (${(all[enc] / 1024).toFixed(1)} KiB)`);
  }
  console.log(`ratio brotli/raw: ${(all.brotli / all.raw).toFixed(3)}`);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];

// A mid-range phone on a slow mobile network, as Lighthouse's mobile preset:
// 150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up, CPU slowed 4x.
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

async function timeLoad(browser, url, selector, { cold }) {
  const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  if (!cold) {
    // Warm the HTTP cache with one visit, then measure the second.
    await page.goto(url);
    await page.waitForSelector(selector);
  }
  const start = Date.now();
  await page.goto(url);
  await page.waitForSelector(selector);
  const elapsed = Date.now() - start;
  await context.close();
  return elapsed;
}

async function load() {
  const { chromium } = await import('@playwright/test');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  const latest = JSON.parse(readFileSync(join(dist, 'content/listings/latest/1.json'), 'utf8'));
  const slug = latest.items.find((s) => s.kind === 'analysis').slug;
  const runs = Number(process.env.BENCH_RUNS || 5);
  const cases = [
    ['front page to lead story', '/', '.front-lead .card-lead .card-headline'],
    ['article deep link to body', `/articles/${slug}`, '.article-body p'],
  ];
  for (const [label, path, selector] of cases) {
    for (const cold of [true, false]) {
      const times = [];
      for (let i = 0; i < runs; i++) times.push(await timeLoad(browser, baseURL + path, selector, { cold }));
      console.log(`load slow-4g ${cold ? 'cold' : 'warm'} ${label}: median ${median(times)} ms, p95 ${p95(times)} ms (n=${runs})`);
    }
  }
  await browser.close();
}

if (what === 'sizes' || what === 'all') sizes();
if (what === 'load' || what === 'all') await load();
