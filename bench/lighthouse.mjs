// Lighthouse 12.2.3 (mobile defaults: simulated slow 4G, 4x CPU slowdown,
// Moto G Power viewport) on an article deep link and on the front page,
// each beside its static twin: the same page's rendered DOM with every
// script removed, served by the same nginx. Runs are interleaved so both
// sides meet the same machine load. Not a test: it prints medians and the
// ratio Folio / twin, one line per metric (the accessibility, best
// practices and SEO scores too, with any audit that keeps them under 100),
// and asserts nothing.
//   node bench/lighthouse.mjs          (./x bench runs it against nginx)
//   BENCH_LH_RUNS=5 node bench/lighthouse.mjs
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { chromium } from '@playwright/test';
import { writeTwin, removeTwins } from './twins.mjs';

const dist = join(process.cwd(), 'dist');
const base = process.env.E2E_BASE_URL || 'http://127.0.0.1:8092';
const runs = Number(process.env.BENCH_LH_RUNS || 3);
const chromePath = process.env.CHROMIUM || '/usr/bin/chromium';
const flags = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

const latest = JSON.parse(readFileSync(join(dist, 'content/listings/latest/1.json'), 'utf8'));
const slug = latest.items.find((s) => s.kind === 'analysis' && s.hero).slug;
const pages = [
  { name: 'article deep link', path: `/articles/${slug}`, file: 'article.html' },
  { name: 'front page', path: '/', file: 'front.html' },
];

async function writeTwins() {
  const browser = await chromium.launch({ executablePath: chromePath, args: flags.slice(1) });
  for (const p of pages) p.twin = await writeTwin(browser, base, p.path, p.file);
  await browser.close();
}

const METRICS = [
  ['perf', (lhr) => lhr.categories.performance.score * 100, (v) => v.toFixed(0)],
  ['accessibility', (lhr) => lhr.categories.accessibility.score * 100, (v) => v.toFixed(0)],
  ['best practices', (lhr) => lhr.categories['best-practices'].score * 100, (v) => v.toFixed(0)],
  ['SEO', (lhr) => lhr.categories.seo.score * 100, (v) => v.toFixed(0)],
  ['FCP', (lhr) => lhr.audits['first-contentful-paint'].numericValue, (v) => `${Math.round(v)} ms`],
  ['LCP', (lhr) => lhr.audits['largest-contentful-paint'].numericValue, (v) => `${Math.round(v)} ms`],
  ['TBT', (lhr) => lhr.audits['total-blocking-time'].numericValue, (v) => `${Math.round(v)} ms`],
  ['CLS', (lhr) => lhr.audits['cumulative-layout-shift'].numericValue, (v) => v.toFixed(3)],
  ['bytes', (lhr) => lhr.audits['total-byte-weight'].numericValue, (v) => `${(v / 1024).toFixed(1)} KiB`],
];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  await writeTwins();
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: flags });
  const results = new Map();
  try {
    for (let i = 0; i < runs; i++) {
      for (const p of pages) {
        for (const [side, path] of [['folio', p.path], ['twin', p.twin]]) {
          const { lhr } = await lighthouse(base + path, {
            port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
          });
          if (lhr.runtimeError) throw new Error(`${path}: ${lhr.runtimeError.message}`);
          const key = `${p.name}|${side}`;
          if (!results.has(key)) results.set(key, []);
          results.get(key).push(lhr);
        }
      }
    }
  } finally {
    await chrome.kill();
    removeTwins();
  }
  console.log(`lighthouse 12.2.3, mobile defaults, median of ${runs} interleaved runs`);
  for (const p of pages) {
    for (const [metric, read, show] of METRICS) {
      const folio = median(results.get(`${p.name}|folio`).map(read));
      const twin = median(results.get(`${p.name}|twin`).map(read));
      const ratio = twin > 0 ? ` (${(folio / twin).toFixed(2)}x)` : '';
      console.log(`lighthouse ${p.name} ${metric}: folio ${show(folio)}, static twin ${show(twin)}${ratio}`);
    }
    // What keeps a quality category under 100, from Folio's last run.
    const last = results.get(`${p.name}|folio`).at(-1);
    for (const id of ['accessibility', 'best-practices', 'seo']) {
      for (const ref of last.categories[id].auditRefs) {
        const audit = last.audits[ref.id];
        if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
          console.log(`lighthouse ${p.name} ${id}: failing ${ref.id}: ${audit.title}`);
        }
      }
    }
  }
}

await main();
