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

/** Waits until the wasm app has mounted and replaced the boot placeholder. */
export async function appReady(page) {
  await page.waitForFunction(() => !document.getElementById('boot'));
}
