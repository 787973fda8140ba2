// Shared helpers for the journeys: reading the sample corpus the way the app
// does, so assertions follow the content rather than hard-coded titles.
import { readFileSync, writeFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const rootDir = root;

/** A JSON file from the built site (dist/). */
export function distJson(path) {
  return JSON.parse(readFileSync(join(root, 'dist', path), 'utf8'));
}

/** Page 1 of a listing, e.g. 'latest' or 'section/europe'. */
export function listing(id, page = 1) {
  return distJson(`content/listings/${id}/${page}.json`);
}

/** One article as published. */
export function article(slug) {
  return distJson(`content/articles/${slug}.json`);
}

/** Where screenshots and other artefacts go (git-ignored). */
export function artifactPath(name) {
  const dir = join(root, 'tests', 'artifacts');
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}

/** Scrolls to the bottom in steps so lazy images load before a screenshot. */
export async function loadLazyImages(page) {
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 600) {
      window.scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 50));
    }
    window.scrollTo(0, 0);
  });
  await page.waitForFunction(() => [...document.images].every((i) => i.complete));
}

/** Waits until the wasm app has started (it marks `<html class="app">`). */
export async function appReady(page) {
  await page.waitForFunction(() => document.documentElement.classList.contains('app'));
}

/**
 * Serves `root` with one of the shipped nginx server configurations on a
 * private port, for journeys that need their own deployment. Returns a
 * function that stops it and removes its files.
 */
export function startNginx({ conf, root, port, policy: policyFile = join(root, 'security-policy.txt') }) {
  const dir = mkdtempSync(join(tmpdir(), 'folio-nginx-'));
  mkdirSync(join(dir, 'tmp'));
  // The build's security policy, as the shipped headers carry it.
  const policy = readFileSync(policyFile, 'utf8').trim();
  writeFileSync(join(dir, 'security.conf'), readFileSync(join(rootDir, 'deploy/nginx/security-headers.conf'), 'utf8')
    .replaceAll('__CSP__', policy));
  const server = readFileSync(join(rootDir, conf), 'utf8')
    .replaceAll('__ROOT__', root)
    .replaceAll('__LISTEN__', `127.0.0.1:${port}`)
    .replaceAll('__SECURITY__', join(dir, 'security.conf'));
  writeFileSync(join(dir, 'nginx.conf'), `
    ${process.getuid?.() === 0 ? 'user root;' : ''}
    load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;
    worker_processes 1; pid ${dir}/nginx.pid; error_log ${dir}/error.log warn;
    events { worker_connections 64; }
    http { include /etc/nginx/mime.types; default_type application/octet-stream; access_log off;
      client_body_temp_path ${dir}/tmp; proxy_temp_path ${dir}/tmp; fastcgi_temp_path ${dir}/tmp;
      uwsgi_temp_path ${dir}/tmp; scgi_temp_path ${dir}/tmp;
      ${server} }`);
  execFileSync('nginx', ['-c', join(dir, 'nginx.conf'), '-p', dir]);
  return () => {
    try { execFileSync('nginx', ['-c', join(dir, 'nginx.conf'), '-p', dir, '-s', 'stop']); } catch {}
    rmSync(dir, { recursive: true, force: true });
  };
}

/**
 * Opens `path` the way a reader moving through the app does: from the front
 * page (pre-rendered), once the app has started, through a link the router
 * handles, so the app loads the page's data itself.
 */
export async function openInApp(page, path) {
  if (!(await page.evaluate(() => document.documentElement.classList.contains('app')).catch(() => false))) {
    await page.goto('/');
    await appReady(page);
  }
  await page.evaluate((href) => {
    const a = Object.assign(document.createElement('a'), { href });
    document.body.append(a);
    a.click();
    a.remove();
  }, path);
}
