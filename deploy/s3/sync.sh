#!/usr/bin/env bash
# Folio on an S3 bucket behind a CDN (CloudFront): uploads dist/ with the
# right Cache-Control, Content-Type and Content-Encoding per kind of file.
#   deploy/s3/sync.sh s3://BUCKET[/PREFIX] [DIST] [-- extra aws s3 options, e.g. --dryrun]
# Needs the AWS CLI v2 and credentials. See docs/deploy.md for the
# distribution (CloudFront Function, error responses, compression).
#
# Order matters for readers who are mid-visit during a deploy: new hashed
# bundles go up first, then content, then the HTML that points at them; old
# bundles are never deleted here (an old page in a reader's cache may still
# ask for them; expire them with a bucket lifecycle rule instead).
set -euo pipefail

DEST=${1:?usage: deploy/s3/sync.sh s3://BUCKET[/PREFIX] [DIST] [-- aws options]}
DEST=${DEST%/}
shift
DIST=dist
if [ $# -gt 0 ] && [ "$1" != "--" ]; then
    DIST=$1
    shift
fi
[ "${1:-}" = "--" ] && shift
EXTRA=("$@")
[ -f "$DIST/index.html" ] || { echo "$DIST/index.html is missing: build first" >&2; exit 1; }

IMMUTABLE="public, max-age=31536000, immutable"
REVALIDATE="no-cache"
# Trunk's bundles and the loader (boot-<16 hex>.js) are named by content.
# Trunk writes its hash without leading zeros: 16 hex digits, sometimes 15.
HASHED=('*-????????????????.js' '*-????????????????.css' '*-???????????????.js' '*-???????????????.css')
# The precompressed siblings are for nginx; CloudFront compresses by itself.
SKIP=(--exclude '*.gz' --exclude '*.br' --exclude '.*')

sync() { aws s3 sync "$DIST" "$DEST" "$@" "${SKIP[@]}" "${EXTRA[@]}"; }

# 1. Hashed js and css: cached for a year, never revalidated.
sync --exclude '*' --include "${HASHED[0]}" --include "${HASHED[1]}" --include "${HASHED[2]}" \
    --include "${HASHED[3]}" --cache-control "$IMMUTABLE"

# 2. The wasm, uploaded gzip-encoded: CloudFront only compresses the types on
#    its list, and every browser that runs wasm accepts gzip.
for wasm in "$DIST"/*_bg.wasm; do
    name=$(basename "$wasm")
    body=$wasm.gz
    [ -f "$body" ] || { body=$(mktemp); gzip -9 -c "$wasm" >"$body"; }
    aws s3 cp "$body" "$DEST/$name" --content-type application/wasm --content-encoding gzip \
        --cache-control "$IMMUTABLE" "${EXTRA[@]}"
done

# 3. Images: a day.
sync --exclude '*' --include 'images/*' --cache-control "public, max-age=86400"

# 4. Content JSON (and content/404.html), feeds: always revalidated.
sync --exclude '*' --include 'content/*' --cache-control "$REVALIDATE"
sync --exclude '*' --include 'feed.xml' --include 'feeds/*.xml' \
    --content-type 'application/atom+xml; charset=utf-8' --cache-control "$REVALIDATE"

# 5. Pages (and shell.html), last among the new files.
sync --exclude '*' --include '*.html' --exclude 'content/*' \
    --content-type 'text/html; charset=utf-8' --cache-control "$REVALIDATE"

# 6. Everything else (sw.js, manifest, robots.txt, sitemaps, favicon).
sync --exclude '*.wasm' --exclude "${HASHED[0]}" --exclude "${HASHED[1]}" \
    --exclude "${HASHED[2]}" --exclude "${HASHED[3]}" \
    --exclude '*.webmanifest' --cache-control "$REVALIDATE"
sync --exclude '*' --include '*.webmanifest' --content-type application/manifest+json \
    --cache-control "$REVALIDATE"

# 7. Remove what the build no longer has (deleted articles' pages and
#    content), keeping old hashed bundles for readers with cached pages.
sync --delete --exclude '*.wasm' --exclude "${HASHED[0]}" --exclude "${HASHED[1]}" \
    --exclude "${HASHED[2]}" --exclude "${HASHED[3]}" \
    --exclude '*.webmanifest'
