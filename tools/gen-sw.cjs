// Generates dist/sw.js with Workbox after every release build, so the
// precache list is exactly the hashed files trunk wrote: never maintained by
// hand. Run by ./x build and ./x publish after folio-publish (which rewrites
// index.html and writes shell.html), before precompression.
//
// What the worker does:
// - precaches the app (shell.html, the hashed js/wasm/css, icons, manifest)
//   so Folio starts with no network; old precaches are deleted on activate.
//   Pages are not precached: they change with every publication;
// - pages (navigations), kept in `folio-pages` as they are read (the app
//   also puts there the pages of articles it saves): an article page
//   already kept is answered from the cache at once and refreshed in the
//   background, so a saved article opens, offline too, at static-page
//   speed; other pages go to the network first. A page never read falls
//   back to shell.html, where the app draws from the offline library or
//   says the page is not available offline;
// - content index, listings and articles' extras: network first (4 s
//   timeout on a slow network), falling back to the last copy;
// - images: cache first: the library's own cache (`folio-images`, filled
//   by the app for kept articles, never trimmed here), then a trimmed cache
//   of images seen while browsing (`folio-image-cache`);
// - article files are NOT cached here: the app keeps them in IndexedDB.
// A new deployment installs and waits; the app offers a reload, which posts
// SKIP_WAITING. docs/deploy.md explains recovery (reset.html).
const fs = require('node:fs');
const path = require('node:path');

const dist = path.resolve(process.argv[2] || 'dist');
const swDest = path.join(dist, 'sw.js');
// What is precached: the shell and these files at the top of dist/.
const EXTENSIONS = ['js', 'wasm', 'css', 'svg', 'png', 'webmanifest'];
const IGNORED = ['sw.js', 'reset.*'];
// The interface's language files (folio_content::paths::LANGUAGES_DIR).
const LANGUAGES = 'i18n';

// Publishing (./x publish) rewrites pages, not the app. When sw.js is newer
// than every file it precaches and than this script, Workbox would write
// the same bytes again: it is kept, and loading Workbox (about 2 s) is
// skipped.
function upToDate() {
  const modified = (file) => fs.statSync(file).mtimeMs;
  if (!fs.existsSync(swDest) || modified(__filename) >= modified(swDest)) return false;
  const precached = new RegExp(`^(shell\\.html|.*\\.(${EXTENSIONS.join('|')}))$`);
  const ignored = new RegExp(`^(${IGNORED.map((g) => g.replace('.', '\\.').replace('*', '.*')).join('|')})$`);
  const languages = path.join(dist, LANGUAGES);
  const languageFiles = fs.existsSync(languages)
    ? fs.readdirSync(languages).filter((n) => n.endsWith('.json')).map((n) => path.join(languages, n))
    : [];
  return fs.readdirSync(dist, { withFileTypes: true })
    .filter((e) => e.isFile() && precached.test(e.name) && !ignored.test(e.name))
    .map((e) => path.join(dist, e.name))
    .concat(languageFiles)
    .every((file) => modified(file) < modified(swDest));
}

if (upToDate()) {
  console.log('gen-sw: nothing precached changed; sw.js kept');
  process.exit(0);
}

const { generateSW } = require('workbox-build');

generateSW({
  globDirectory: dist,
  // The interface's other languages (i18n/es.json) go with the app that
  // reads them: a reader in Spanish has them offline from the first visit.
  globPatterns: ['shell.html', `*.{${EXTENSIONS.join(',')}}`, `${LANGUAGES}/*.json`],
  globIgnores: [...IGNORED, '**/*.gz', '**/*.br'],
  swDest,
  // The default (2 MiB) would silently skip a large .wasm.
  maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
  // Trunk already puts a content hash in these names.
  dontCacheBustURLsMatching: /-[0-9a-f]{12,16}(_bg)?\.(js|wasm|css|svg|png)$/,
  cacheId: 'folio',
  cleanupOutdatedCaches: true,
  clientsClaim: true,
  skipWaiting: false,
  inlineWorkboxRuntime: true,
  sourcemap: false,
  mode: 'production',
  // Pages. The app fetches pages too (`X-Folio: page`) to show them
  // without loading a document; `X-Folio: fresh` passes the worker by (a
  // saved article that changed). Articles rarely change once read: a kept
  // article page answers at once (offline too, as fast as a static page from
  // the browser's cache) and is refreshed behind it, while the app
  // revalidates the article itself. The front page and listings change with
  // every publication: network first, the kept copy when the network is
  // gone or slow. Only a document gets shell.html when nothing else answers.
  // (Workbox writes these functions into sw.js: each must stand alone.)
  runtimeCaching: [
    {
      urlPattern: ({ request, url }) => request.mode === 'navigate' && /\/articles\/[^/]+$/.test(url.pathname),
      handler: 'StaleWhileRevalidate',
      options: { cacheName: 'folio-pages', precacheFallback: { fallbackURL: 'shell.html' } },
    },
    {
      urlPattern: ({ request, url }) => request.mode === 'navigate'
        && !/\/content\/|\/reset\.html$|\.(xml|txt|json)$/.test(url.pathname),
      handler: 'NetworkFirst',
      options: { cacheName: 'folio-pages', networkTimeoutSeconds: 3, precacheFallback: { fallbackURL: 'shell.html' } },
    },
    {
      urlPattern: ({ request, url }) => request.headers.get('X-Folio') === 'page' && /\/articles\/[^/]+$/.test(url.pathname),
      handler: 'StaleWhileRevalidate',
      options: { cacheName: 'folio-pages' },
    },
    {
      urlPattern: ({ request }) => request.headers.get('X-Folio') === 'page',
      handler: 'NetworkFirst',
      options: { cacheName: 'folio-pages', networkTimeoutSeconds: 3 },
    },
    {
      // The whole-site search index: small files, fetched as queries need
      // them, always the deployed ones online (its files must agree with
      // each other); the last copies answer offline.
      urlPattern: ({ url }) => /\/content\/search\//.test(url.pathname),
      handler: 'NetworkFirst',
      options: { cacheName: 'folio-search', networkTimeoutSeconds: 4, expiration: { maxEntries: 400 } },
    },
    {
      urlPattern: ({ url }) => /\/content\/(site\.json|listings\/)/.test(url.pathname),
      handler: 'NetworkFirst',
      options: { cacheName: 'folio-content', networkTimeoutSeconds: 4 },
    },
    {
      // Images seen while browsing go to a cache of their own, trimmed
      // past 300; the images of kept articles are in `folio-images`, which
      // the app fills and empties (src/offline/caches.rs) and which this
      // worker reads but never trims, so a kept article never loses its
      // images to browsing.
      urlPattern: ({ url, sameOrigin }) => sameOrigin && /\/images\//.test(url.pathname),
      handler: 'CacheFirst',
      options: {
        cacheName: 'folio-image-cache',
        expiration: { maxEntries: 300 },
        plugins: [{
          cachedResponseWillBeUsed: async ({ request, cachedResponse }) =>
            cachedResponse || (await (await caches.open('folio-images')).match(request)) || null,
        }],
      },
    },
    {
      // The legible font is downloaded only by readers who choose it
      // (reading settings); once fetched it is kept for offline reading.
      urlPattern: ({ url, sameOrigin }) => sameOrigin && /\/fonts\/[^/]+\.woff2$/.test(url.pathname),
      handler: 'CacheFirst',
      options: { cacheName: 'folio-fonts', expiration: { maxEntries: 12 } },
    },
  ],
})
  .then(({ count, size, warnings }) => {
    warnings.forEach((w) => console.warn(`gen-sw: ${w}`));
    console.log(`gen-sw: precached ${count} files, ${size} bytes`);
  })
  .catch((e) => {
    console.error(`gen-sw: ${e.stack || e}`);
    process.exit(1);
  });
