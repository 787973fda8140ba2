// A new deployment: the installed service worker notices a changed sw.js,
// the reader is offered a reload, and the reload runs the new version.
// The site is served from a private copy of dist/ by its own nginx (with the
// shipped configuration), so the deployment can change under the test.
import { test, expect } from './fixtures.mjs';
import { cpSync, mkdtempSync, appendFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appReady, startNginx } from './helpers.mjs';

const PORT = 8096;
let dir;
let stop;

test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'folio-deploy-'));
  cpSync('dist', join(dir, 'site'), { recursive: true });
  stop = startNginx({ conf: 'deploy/nginx/folio.conf', root: join(dir, 'site'), port: PORT });
});

test.afterAll(() => {
  stop();
  rmSync(dir, { recursive: true, force: true });
});

test('a new deployment is detected and the reload runs it', async ({ page }) => {
  const base = `http://127.0.0.1:${PORT}`;
  await page.goto(`${base}/`);
  await appReady(page);
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const before = await page.evaluate(() => navigator.serviceWorker.controller.scriptURL);

  // Deploy: a changed worker script, as every new build produces.
  for (const f of ['sw.js.gz', 'sw.js.br']) rmSync(join(dir, 'site', f), { force: true });
  appendFileSync(join(dir, 'site', 'sw.js'), '\n// deployment 2\n');
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());

  const prompt = page.locator('.status-update');
  await expect(prompt).toContainText('A new version of Folio is ready');
  await Promise.all([
    page.waitForEvent('load'),
    prompt.getByRole('button', { name: 'Reload to update' }).click(),
  ]);
  await appReady(page);
  const state = await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    return { waiting: reg.waiting !== null, controller: navigator.serviceWorker.controller?.scriptURL };
  });
  expect(state.waiting).toBe(false);
  expect(state.controller).toBe(before);
  await expect(page.locator('.status-update')).toHaveCount(0);
});

test('reset.html unregisters the worker and clears caches', async ({ page }) => {
  const base = `http://127.0.0.1:${PORT}`;
  await page.goto(`${base}/`);
  await appReady(page);
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.goto(`${base}/reset.html`);
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(page.getByRole('status')).toContainText('service worker(s)');
  const left = await page.evaluate(async () => ({
    regs: (await navigator.serviceWorker.getRegistrations()).length,
    caches: (await caches.keys()).length,
  }));
  expect(left).toEqual({ regs: 0, caches: 0 });
});
