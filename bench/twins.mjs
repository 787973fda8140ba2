// Static twins for the benchmarks: a page as the reader's browser ends up
// showing it (the app started), saved with every script and script preload
// removed, under dist/bench-twins/ (served by the same nginx).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const TWINS = 'bench-twins';

/** Writes the twin of `base + path` as dist/bench-twins/<file>; returns its URL path. */
export async function writeTwin(browser, base, path, file) {
  const dir = join(process.cwd(), 'dist', TWINS);
  mkdirSync(dir, { recursive: true });
  const page = await browser.newPage({ viewport: { width: 412, height: 823 } });
  await page.goto(base + path);
  await page.waitForFunction(() => document.documentElement.classList.contains('app'));
  await page.waitForLoadState('networkidle');
  const html = await page.evaluate(() => {
    const doc = document.documentElement.cloneNode(true);
    doc.querySelectorAll('script, link[rel=modulepreload], link[rel=preload][as=fetch]').forEach((e) => e.remove());
    return '<!doctype html>' + doc.outerHTML;
  });
  writeFileSync(join(dir, file), html);
  await page.close();
  return `/${TWINS}/${file}`;
}

/** Removes the twins. */
export function removeTwins() {
  rmSync(join(process.cwd(), 'dist', TWINS), { recursive: true, force: true });
}
