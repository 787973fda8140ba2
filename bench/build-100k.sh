#!/usr/bin/env bash
# The content build at scale. Generates a synthetic, valid corpus of N
# articles (default 100,000; ~5-30 KB markdown bodies over ten sections and
# ten years) in a temp directory, then runs and measures the two folio-build
# steps of a release build against a COPY of dist/ (dist/ itself is never
# touched):
#   1. folio-build content   listings (before trunk build)
#   2. trunk's copy-dir      simulated with cp: content/ and images/ into the copy
#   3. folio-build site      pre-rendered entry pages, extras, feeds, sitemap,
#                            robots (--no-precompress)
#   4. folio-build site      the same plus .gz/.br siblings (the release
#                            default; FOLIO_BENCH_PRECOMPRESS=0 skips it)
# For each: wall time and peak memory (/usr/bin/time -v "Maximum resident set
# size"); then file counts and bytes of the result.
#
#   bench/build-100k.sh [ARTICLES]
# Needs a release dist/ (./x build). FOLIO_BENCH_DIR sets the work directory
# (default /tmp/folio-bench-N); FOLIO_BENCH_KEEP=1 keeps it afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
WORK=${FOLIO_BENCH_DIR:-${TMPDIR:-/tmp}/folio-bench-$N}
BIN=$PWD/target/tool/folio-build
GEN=$PWD/target/tool/gen-corpus

[ -f dist/index.html ] || { echo "dist/index.html is missing: run ./x build first" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is missing: apt-get install time" >&2; exit 1; }
cargo build --quiet --locked --profile tool -p folio-build -p folio-corpus-gen

rm -rf "$WORK"
mkdir -p "$WORK"
[ "${FOLIO_BENCH_KEEP:-0}" = 1 ] || trap 'rm -rf "$WORK"' EXIT

SUMMARY=()
# measure LABEL COMMAND...: runs the command, records wall time and peak RSS.
measure() {
    local label=$1
    shift
    echo "== $label"
    /usr/bin/time -v -o "$WORK/time.txt" "$@"
    local wall rss
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$WORK/time.txt")
    rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f MiB", $2 / 1024}' "$WORK/time.txt")
    SUMMARY+=("$(printf '%-34s wall %-9s peak RSS %s' "$label" "$wall" "$rss")")
}

# count DIR FIND-TESTS...: files under $WORK/dist/DIR; bytes: their total size.
count() { local dir=$1; shift; find "$WORK/dist/$dir" -type f "$@" | wc -l; }
bytes() { local dir=$1; shift; find "$WORK/dist/$dir" -type f "$@" -printf '%s\n' | awk '{s += $1} END {printf "%.1f MiB", s / 1048576}'; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo) RAM," \
    "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
measure "gen-corpus ($N articles)" "$GEN" --articles "$N" --out "$WORK/public"
echo "corpus: $(du -sh "$WORK/public/content/articles" | cut -f1) of article JSON"
measure "content step (listings)" "$BIN" content --content "$WORK/public/content"

cp -r dist "$WORK/dist"
rm -rf "$WORK/dist/content" "$WORK/dist/images"
measure "trunk copy-dir (cp, simulated)" cp -r "$WORK/public/content" "$WORK/public/images" "$WORK/dist/"

# Link-preview PNGs are measured separately (docs/performance.md): at 100k
# they would dominate these rows.
measure "site step, --no-precompress" "$BIN" site --content "$WORK/public/content" --dist "$WORK/dist" --no-precompress --no-og-images
if [ "${FOLIO_BENCH_PRECOMPRESS:-1}" != 0 ]; then
    measure "site step (with .gz/.br)" "$BIN" site --content "$WORK/public/content" --dist "$WORK/dist" --no-og-images
fi

echo
echo "== summary ($N articles, $(nproc) cores)"
printf '%s\n' "${SUMMARY[@]}"
echo "article pages: $(count articles -name '*.html') files, $(bytes articles -name '*.html')"
echo "other pages:   $(( $(count . -maxdepth 1 -name '*.html') + $(count sections -name '*.html') + $(count kinds -name '*.html') + $(count latest -name '*.html') + $(count tags -name '*.html') + $(count authors -name '*.html') )) files, $(bytes . -maxdepth 1 -name '*.html' ) top level (front, 404, library, search, shell; every page of latest, sections, kinds, tags, authors)"
echo "listings:      $(count content/listings -name '*.json') files, $(bytes content/listings -name '*.json')"
echo "feeds:         $(( 1 + $(count feeds -name '*.xml') )) files, $(bytes . \( -name feed.xml -o -path '*/feeds/*.xml' \))"
echo "sitemap files: $(( 1 + $( [ -d "$WORK/dist/sitemaps" ] && count sitemaps -name '*.xml' || echo 0) )) (sitemap.xml and sitemaps/*.xml)"
echo "precompressed: $(count . -name '*.gz') .gz ($(bytes . -name '*.gz')), $(count . -name '*.br') .br ($(bytes . -name '*.br'))"
echo "dist total:    $(count .) files, $(bytes .)"
