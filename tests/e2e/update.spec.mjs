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

test('a new deployment is offered in every open tab, and each tab reloads into it', async ({ page, context }) => {
  const base = `http://127.0.0.1:${PORT}`;
  const tabs = [page, await context.newPage()];
  for (const tab of tabs) {
    await tab.goto(`${base}/`);
    await appReady(tab);
    await tab.evaluate(async () => { await navigator.serviceWorker.ready; });
    await tab.waitForFunction(() => navigator.serviceWorker.controller !== null);
  }
  // The running deployment's worker: the marker cache does not exist yet.
  const deployed = () => page.evaluate(() => caches.has('folio-test-deployment-2'));
  expect(await deployed()).toBe(false);

  // Deploy: a changed worker script, as every new build produces. This one
  // leaves a mark when it activates, so the test can tell it runs.
  for (const f of ['sw.js.gz', 'sw.js.br']) rmSync(join(dir, 'site', f), { force: true });
  appendFileSync(join(dir, 'site', 'sw.js'),
    "\n// deployment 2\nself.addEventListener('activate', (e) => e.waitUntil(caches.open('folio-test-deployment-2')));\n");
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());

  for (const tab of tabs) await expect(tab.locator('.status-update')).toContainText('A new version of Folio is ready');
  // The first tab applies it and reloads into the new deployment.
  await Promise.all([
    page.waitForEvent('load'),
    page.locator('.status-update').getByRole('button', { name: 'Reload to update' }).click(),
  ]);
  await appReady(page);
  expect(await deployed()).toBe(true);
  await expect(page.locator('.status-update')).toHaveCount(0);
  // The other tab still runs the old app under the new worker: its button
  // reloads it (there is no waiting worker left to ask).
  await Promise.all([
    tabs[1].waitForEvent('load'),
    tabs[1].locator('.status-update').getByRole('button', { name: 'Reload to update' }).click(),
  ]);
  await appReady(tabs[1]);
  await expect(tabs[1].locator('.status-update')).toHaveCount(0);

  // Deploy again, and open a tab while its worker installs: the update
  // found before the app registered is not missed.
  for (const f of ['sw.js.gz', 'sw.js.br']) rmSync(join(dir, 'site', f), { force: true });
  appendFileSync(join(dir, 'site', 'sw.js'), '\n// deployment 3\n');
  const late = await context.newPage();
  await late.goto(`${base}/latest`);
  await expect(late.locator('.status-update')).toContainText('A new version of Folio is ready', { timeout: 15000 });
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
