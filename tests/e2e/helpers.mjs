// Shared helpers for the journeys: reading the sample corpus the way the app
// does, so assertions follow the content rather than hard-coded titles.
import { readFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

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

/** Waits until the wasm app has mounted and replaced the boot placeholder. */
export async function appReady(page) {
  await page.waitForFunction(() => !document.getElementById('boot'));
}
