// ./x dev while writing: an edited article and a new one reach the
// development server without a restart, and the open page reloads itself.
// Starts `./x dev` on its own port (it builds into dist-dev/, never dist/),
// edits the sample content, and puts every file back afterwards.
//   node --test --test-reporter=spec tests/dev/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync, rmSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright';

const PORT = Number(process.env.DEV_PORT || 8097);
const base = `http://127.0.0.1:${PORT}`;
const articles = 'public/content/articles';

async function until(what, f, timeout) {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      if (await f()) return;
    } catch { /* not yet */ }
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

test('an edited and a new article reach ./x dev and the open page reloads', { timeout: 900_000 }, async () => {
  const dev = spawn('./x', ['dev', String(PORT)], { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  dev.stdout.on('data', (d) => { log += d; });
  dev.stderr.on('data', (d) => { log += d; });
  const slug = readdirSync(articles).filter((f) => f.endsWith('.json')).sort()[0].replace(/\.json$/, '');
  const file = join(articles, `${slug}.json`);
  const original = readFileSync(file, 'utf8');
  const added = join(articles, 'written-while-watching.json');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  try {
    // The first build (debug, cold) can take minutes on two cores.
    await until('./x dev serves the site', async () => (await fetch(`${base}/articles/${slug}`)).ok, 600_000);
    await until('the first build has stamped itself', async () => (await fetch(`${base}/dev-reload.txt`)).ok, 120_000);
    const page = await browser.newPage();
    await page.goto(`${base}/articles/${slug}`);
    await page.waitForFunction(() => document.documentElement.classList.contains('app'), null, { timeout: 60_000 });
    const before = await page.textContent('h1.headline');

    // Edited: the open page reloads itself and shows the new headline.
    const article = JSON.parse(original);
    article.headline = `Edited while watching: ${article.headline}`;
    writeFileSync(file, JSON.stringify(article, null, 2));
    await page.waitForFunction(
      (h) => document.querySelector('h1.headline')?.textContent === h,
      article.headline,
      { timeout: Number(process.env.DEV_WAIT_MS || 300_000), polling: 500 },
    );
    assert.notEqual(before, article.headline);

    // New: its page exists and the latest listing has it, with no restart.
    const fresh = { ...JSON.parse(original), slug: 'written-while-watching', headline: 'Written while watching',
      published: new Date().toISOString().replace(/\.\d+Z$/, 'Z') };
    delete fresh.updated;
    writeFileSync(added, JSON.stringify(fresh, null, 2));
    await until('the new article has its page', async () => (await fetch(`${base}/articles/written-while-watching`)).ok, 300_000);
    await until('the latest listing leads with it', async () =>
      (await (await fetch(`${base}/latest`)).text()).includes('Written while watching'), 60_000);
  } catch (e) {
    console.log(log.split('\n').slice(-40).join('\n'));
    throw e;
  } finally {
    writeFileSync(file, original);
    rmSync(added, { force: true });
    await browser.close();
    try { process.kill(-dev.pid, 'SIGTERM'); } catch { /* gone */ }
  }
});
