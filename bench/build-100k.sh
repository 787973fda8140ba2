#!/usr/bin/env bash
# The content build at scale, and publishing one article into it. Generates
# a synthetic, valid corpus of N articles (default 100,000; ~5-30 KB
# markdown bodies over ten sections and ten years) in a temp directory,
# then runs and measures, against a COPY of dist/ (dist/ itself is never
# touched), the steps of a release build after trunk's own (`./x build`):
#   1. folio-publish content   validation, listings (before trunk build)
#   2. trunk's copy-dir      simulated with cp: content/ and images/ into the copy
#   3. folio-publish site      pre-rendered entry pages, listings, search index,
#                            feeds, sitemap, robots (--no-precompress)
#   4. the service worker    tools/gen-sw.cjs (Workbox's precache manifest)
#   5. folio-publish compress  .gz/.br siblings (FOLIO_BENCH_PRECOMPRESS=0 skips)
# and then of publishing one new article into it (`./x publish`):
#   6. gen-corpus --publish  writes one new story, newer than all
#   7-9. site (incremental), service worker, compress (only what changed)
# For each: wall time and peak memory; then the two totals and their ratio,
# and file counts and bytes of the result.
#
#   bench/build-100k.sh [ARTICLES]
# Needs a release dist/ (./x build) and node_modules (./x setup).
# FOLIO_BENCH_DIR sets the work directory (default /tmp/folio-bench-N);
# FOLIO_BENCH_KEEP=1 keeps it afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
WORK=${FOLIO_BENCH_DIR:-${TMPDIR:-/tmp}/folio-bench-$N}
BIN=$PWD/target/tool/folio-publish
GEN=$PWD/target/tool/gen-corpus
PRECOMPRESS=${FOLIO_BENCH_PRECOMPRESS:-1}

[ -f dist/index.html ] || { echo "dist/index.html is missing: run ./x build first" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is missing: apt-get install time" >&2; exit 1; }
[ -d node_modules/workbox-build ] || { echo "node_modules is missing: run ./x setup first" >&2; exit 1; }
cargo build --quiet --locked --profile tool -p folio-publish -p folio-corpus-gen

rm -rf "$WORK"
mkdir -p "$WORK"
[ "${FOLIO_BENCH_KEEP:-0}" = 1 ] || trap 'rm -rf "$WORK"' EXIT

SUMMARY=()
# measure LABEL COMMAND...: runs the command, records wall time and peak RSS,
# and adds the wall time to $TOTAL.
TOTAL=0
measure() {
    local label=$1
    shift
    echo "== $label"
    /usr/bin/time -f '%e %M' -o "$WORK/time.txt" "$@"
    local wall rss
    read -r wall rss <"$WORK/time.txt"
    TOTAL=$(awk -v t="$TOTAL" -v w="$wall" 'BEGIN {print t + w}')
    SUMMARY+=("$(printf '%-36s wall %7.2f s   peak RSS %5d MiB' "$label" "$wall" $((rss / 1024)))")
}
# total LABEL: closes a group of steps.
total() {
    SUMMARY+=("$(printf '%-36s wall %7.2f s' "$1" "$TOTAL")")
    SUMMARY+=("")
}

# count DIR FIND-TESTS...: files under $WORK/dist/DIR; bytes: their total size.
count() { local dir=$1; shift; find "$WORK/dist/$dir" -type f "$@" | wc -l; }
bytes() { local dir=$1; shift; find "$WORK/dist/$dir" -type f "$@" -printf '%s\n' | awk '{s += $1} END {printf "%.1f MiB", s / 1048576}'; }

# The steps after the site step, as ./x runs them.
after_site() {
    measure "  service worker (gen-sw)" node tools/gen-sw.cjs "$WORK/dist"
    if [ "$PRECOMPRESS" != 0 ]; then
        measure "  folio-publish compress" "$BIN" compress --dist "$WORK/dist"
    fi
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo) RAM," \
    "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
"$GEN" --articles "$N" --out "$WORK/public"
echo "corpus: $(du -sh "$WORK/public/content/articles" | cut -f1) of article JSON"

cp -r dist "$WORK/dist"
rm -rf "$WORK/dist/content" "$WORK/dist/images" "$WORK/dist/.folio-publish"
find "$WORK/dist" \( -name '*.gz' -o -name '*.br' \) -delete

# Link-preview PNGs are measured separately (docs/performance.md): at 100k
# they would dominate these rows.
SITE=(site --content "$WORK/public/content" --dist "$WORK/dist" --no-precompress --no-og-images)
measure "  folio-publish content" "$BIN" content --content "$WORK/public/content"
measure "  trunk copy-dir (cp, simulated)" cp -r "$WORK/public/content" "$WORK/public/images" "$WORK/dist/"
measure "  folio-publish site (full)" "$BIN" "${SITE[@]}"
after_site
# The full build is done when its 10 GB are on disk; flushing them later
# would slow the publication measured next.
measure "  sync (written to disk)" sync
total "full build"
FULL=$TOTAL

TOTAL=0
"$GEN" --articles "$N" --out "$WORK/public" --publish
measure "  folio-publish site (incremental)" "$BIN" "${SITE[@]}"
after_site
total "publishing one article"

echo
echo "== summary ($N articles, $(nproc) cores$([ "$PRECOMPRESS" = 0 ] && echo ', without precompression'))"
printf '%s\n' "${SUMMARY[@]}"
awk -v f="$FULL" -v p="$TOTAL" 'BEGIN {printf "publishing one article takes %.1f%% of the full build (%.0f times faster)\n", 100 * p / f, f / p}'
echo "article pages: $(count articles -name '*.html') files, $(bytes articles -name '*.html')"
echo "other pages:   $(( $(count . -maxdepth 1 -name '*.html') + $(count sections -name '*.html') + $(count kinds -name '*.html') + $(count latest -name '*.html') + $(count tags -name '*.html') + $(count authors -name '*.html') )) files, $(bytes . -maxdepth 1 -name '*.html' ) top level (front, 404, library, search, shell; every page of latest, sections, kinds, tags, authors)"
echo "listings:      $(count content/listings -name '*.json') files, $(bytes content/listings -name '*.json')"
echo "feeds:         $(( 1 + $(count feeds -name '*.xml') )) files, $(bytes . \( -name feed.xml -o -path '*/feeds/*.xml' \))"
echo "sitemap files: $(( 1 + $( [ -d "$WORK/dist/sitemaps" ] && count sitemaps -name '*.xml' || echo 0) )) (sitemap.xml and sitemaps/*.xml)"
echo "precompressed: $(count . -name '*.gz') .gz ($(bytes . -name '*.gz')), $(count . -name '*.br') .br ($(bytes . -name '*.br'))"
echo "build state:   $(du -sh "$WORK/dist/.folio-publish" | cut -f1) (dist/.folio-publish: the manifest)"
echo "dist total:    $(count .) files, $(bytes .)"
