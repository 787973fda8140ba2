#!/bin/sh
# trunk post_build hook. In development builds (./x dev) it writes the
# site's listings, search index and pages into trunk's staging directory,
# so the development server shows what a release does (the app shows pages
# as the build wrote them), then a new stamp that tells the open page to
# reload (src/dev.rs). trunk runs it after every change, to the code or to
# the content (public/content: a new or edited article).
# Release builds skip it: ./x build runs the steps itself, with link
# previews, the deployment's base URL and precompression.
[ "$TRUNK_PROFILE" = debug ] || exit 0
set -e
build() {
    cargo run --quiet --locked --offline --profile tool -p folio-publish -- "$@"
}
# The site step writes the listings and search index into content/ too.
build site --content public/content --dist "$TRUNK_STAGING_DIR" --no-precompress --no-og-images
date +%s%N >"$TRUNK_STAGING_DIR/dev-reload.txt"
