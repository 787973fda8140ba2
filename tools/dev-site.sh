#!/bin/sh
# trunk post_build hook. In development builds (./x dev) it writes the site's
# pages into trunk's staging directory, so the development server shows the
# same pages a release does (the app shows pages as the build wrote them).
# Release builds skip it: ./x build runs the site step itself, with link
# previews, the deployment's base URL and precompression.
[ "$TRUNK_PROFILE" = debug ] || exit 0
exec cargo run --quiet --locked --offline --profile tool -p folio-build -- \
    site --content public/content --dist "$TRUNK_STAGING_DIR" --no-precompress --no-og-images
